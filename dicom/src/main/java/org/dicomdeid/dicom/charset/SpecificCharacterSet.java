package org.dicomdeid.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dicomdeid.dicom.VR;

/**
 * Specific Character Set (0008,0005): how the values of SH, LO, ST, LT, PN, UC and UT are encoded
 * (PS3.5 6.1.2.3). The Defined Terms are those of PS3.3 C.12.1.1.2: single-byte sets without code
 * extensions (Table C.12-2), ISO 2022 sets with code extensions (Tables C.12-3, C.12-4) and the
 * multi-byte sets without code extensions, ISO_IR 192 (UTF-8), GB18030 and GBK (Table C.12-5).
 *
 * <p>Decoding never throws: bytes the character set cannot explain become U+FFFD (callers keep the
 * original bytes and decode only to inspect). An unknown Defined Term in value 1 decodes as ISO
 * 8859-1 so that nothing is lost; see {@link #isKnown()}.
 */
public final class SpecificCharacterSet {
  /** Single-byte and multi-byte Defined Terms without code extensions. */
  private static final Map<String, String> PLAIN =
      Map.ofEntries(
          Map.entry("", "US-ASCII"),
          Map.entry("ISO_IR 6", "US-ASCII"), // not a Defined Term, but written by some writers
          Map.entry("ISO_IR 100", "ISO-8859-1"),
          Map.entry("ISO_IR 101", "ISO-8859-2"),
          Map.entry("ISO_IR 109", "ISO-8859-3"),
          Map.entry("ISO_IR 110", "ISO-8859-4"),
          Map.entry("ISO_IR 144", "ISO-8859-5"),
          Map.entry("ISO_IR 127", "ISO-8859-6"),
          Map.entry("ISO_IR 126", "ISO-8859-7"),
          Map.entry("ISO_IR 138", "ISO-8859-8"),
          Map.entry("ISO_IR 148", "ISO-8859-9"),
          Map.entry("ISO_IR 203", "ISO-8859-15"),
          Map.entry("ISO_IR 13", "JIS_X0201"),
          Map.entry("ISO_IR 166", "TIS-620"),
          Map.entry("ISO_IR 192", "UTF-8"),
          Map.entry("GB18030", "GB18030"),
          Map.entry("GBK", "GBK"));

  /** ISO 2022 Defined Terms and the code elements they designate (G0 first where two). */
  private static final Map<String, List<CodeElement>> EXTENDED =
      Map.ofEntries(
          Map.entry("ISO 2022 IR 6", List.of(CodeElement.IR_6)),
          Map.entry("ISO 2022 IR 100", List.of(CodeElement.IR_100)),
          Map.entry("ISO 2022 IR 101", List.of(CodeElement.IR_101)),
          Map.entry("ISO 2022 IR 109", List.of(CodeElement.IR_109)),
          Map.entry("ISO 2022 IR 110", List.of(CodeElement.IR_110)),
          Map.entry("ISO 2022 IR 144", List.of(CodeElement.IR_144)),
          Map.entry("ISO 2022 IR 127", List.of(CodeElement.IR_127)),
          Map.entry("ISO 2022 IR 126", List.of(CodeElement.IR_126)),
          Map.entry("ISO 2022 IR 138", List.of(CodeElement.IR_138)),
          Map.entry("ISO 2022 IR 148", List.of(CodeElement.IR_148)),
          Map.entry("ISO 2022 IR 203", List.of(CodeElement.IR_203)),
          Map.entry("ISO 2022 IR 13", List.of(CodeElement.IR_14, CodeElement.IR_13)),
          Map.entry("ISO 2022 IR 166", List.of(CodeElement.IR_166)),
          Map.entry("ISO 2022 IR 87", List.of(CodeElement.IR_87)),
          Map.entry("ISO 2022 IR 159", List.of(CodeElement.IR_159)),
          Map.entry("ISO 2022 IR 149", List.of(CodeElement.IR_149)),
          Map.entry("ISO 2022 IR 58", List.of(CodeElement.IR_58)));

  /** The default character repertoire, ISO-IR 6 (PS3.5 6.1.2.1). */
  public static final SpecificCharacterSet DEFAULT = of(); // after the tables it reads

  private final String[] terms;
  private final boolean known;
  private final Charset plain; // set when there are no code extensions
  private final Iso2022 extended; // set otherwise

  private SpecificCharacterSet(String[] terms, boolean known, Charset plain, Iso2022 extended) {
    this.terms = terms;
    this.known = known;
    this.plain = plain;
    this.extended = extended;
  }

  /**
   * From the values of (0008,0005), already split on BACKSLASH; surrounding spaces are ignored and
   * an empty value 1 means the default repertoire (PS3.3 C.12.1.1.2).
   */
  public static SpecificCharacterSet of(String... values) {
    if (values == null || values.length == 0) {
      values = new String[] {""};
    }
    String[] terms = new String[values.length];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = values[i] == null ? "" : values[i].strip();
    }
    if (DEFAULT != null && terms.length == 1 && terms[0].isEmpty()) {
      return DEFAULT;
    }
    String first = terms[0];
    boolean codeExtensions = terms.length > 1 || EXTENDED.containsKey(first);
    if (!codeExtensions || PLAIN.containsKey(first) && !canExtend(first)) {
      String name = PLAIN.get(first);
      boolean known = name != null && terms.length <= 1;
      Charset cs = Charset.forName(name != null ? name : "ISO-8859-1");
      return new SpecificCharacterSet(terms, known, cs, null);
    }
    return new SpecificCharacterSet(terms, allKnown(terms), null, iso2022(terms));
  }

  /** UTF-8, GB18030 and GBK allow no code extensions (PS3.3 C.12.1.1.2); further values ignored. */
  private static boolean canExtend(String term) {
    return !(term.equals("ISO_IR 192") || term.equals("GB18030") || term.equals("GBK"));
  }

  private static List<CodeElement> elements(String term) {
    if (term.isEmpty()) {
      return List.of(CodeElement.IR_6);
    }
    // Value 1 written without the "ISO 2022" prefix, e.g. ISO_IR 13\ISO 2022 IR 87.
    String t = term.startsWith("ISO_IR ") ? "ISO 2022 IR " + term.substring(7) : term;
    return EXTENDED.get(t);
  }

  private static boolean allKnown(String[] terms) {
    for (String t : terms) {
      if (elements(t) == null) {
        return false;
      }
    }
    return true;
  }

  private static Iso2022 iso2022(String[] terms) {
    List<CodeElement> declared = new ArrayList<>();
    for (String t : terms) {
      List<CodeElement> e = elements(t);
      if (e != null) {
        declared.addAll(e);
      }
    }
    CodeElement g0 = CodeElement.IR_6;
    CodeElement g1 = null;
    List<CodeElement> first = elements(terms[0]);
    for (CodeElement e : first == null ? List.<CodeElement>of() : first) {
      if (e.g1) {
        g1 = e;
      } else if (e.width == 1) {
        g0 = e;
      }
    }
    return new Iso2022(g0, g1, declared);
  }

  /** True if every value is a Defined Term this class implements. */
  public boolean isKnown() {
    return known;
  }

  /** True if the values use ISO 2022 code extensions (PS3.5 6.1.2.5). */
  public boolean usesCodeExtensions() {
    return extended != null;
  }

  /** The trimmed values of (0008,0005). */
  public String[] terms() {
    return terms.clone();
  }

  /** Decodes a value of {@code vr}; VRs outside PS3.5 6.1.2.3 use the default repertoire. */
  public String decode(byte[] value, VR vr) {
    if (value == null || value.length == 0) {
      return "";
    }
    if (!affected(vr)) {
      return new String(value, StandardCharsets.US_ASCII);
    }
    if (extended != null) {
      return extended.decode(value, vr == VR.PN, multiValued(vr));
    }
    return new String(value, plain);
  }

  /** Encodes a value of {@code vr}; characters the set cannot hold become '?'. No padding. */
  public byte[] encode(String s, VR vr) {
    if (s == null || s.isEmpty()) {
      return new byte[0];
    }
    if (!affected(vr)) {
      return s.getBytes(StandardCharsets.US_ASCII);
    }
    if (extended != null) {
      return extended.encode(s, vr == VR.PN, multiValued(vr));
    }
    return s.getBytes(plain);
  }

  /** Specific Character Set applies to these VRs only (PS3.5 6.1.2.3); null counts as LO. */
  private static boolean affected(VR vr) {
    return vr == null || vr.kind() == VR.Kind.CHARSET_TEXT;
  }

  /** LT, ST and UT hold one value, so BACKSLASH is text there (PS3.5 6.2). */
  private static boolean multiValued(VR vr) {
    return vr != VR.LT && vr != VR.ST && vr != VR.UT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpecificCharacterSet other && Arrays.equals(terms, other.terms);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(terms);
  }

  @Override
  public String toString() {
    return String.join("\\", terms);
  }
}
