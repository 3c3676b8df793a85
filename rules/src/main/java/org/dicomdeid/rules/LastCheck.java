package org.dicomdeid.rules;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;

/**
 * The last check before a file is published (issue 13): rules can miss what nobody listed, so every
 * value the engine writes, outside bulk pixel and waveform data, is searched for the identifiers of
 * the file's patient that the input's header gives: MRN (PatientID, Other Patient IDs, the run's
 * MRN) and accession number as substrings, the name's components of three or more characters as
 * whole words (Hangul, Han and kana ones as substrings, and the first two components joined), the
 * birth date (outside date values: a newborn's study date may equal it), and the original study,
 * series and instance UIDs, learnt from the input's top level as the engine passes them (they all
 * sort before (0020,000E); values written before that wait). Each value is read as text in the data
 * set's character set (ISO 2022 included) and as raw ISO 8859-1, UTF-8, UTF-16LE/BE and EUC-KR; the
 * name is also searched as the input's own encoded bytes. Identifiers shorter than three characters
 * are not searched (they would match everywhere).
 */
final class LastCheck {
  /** Values never searched: bulk pixel, overlay, waveform and spectroscopy data (PS3.15 E.1-1). */
  static boolean bulk(int tag) {
    return Tags.isPixelData(tag)
        || tag == 0x54001010
        || tag == 0x56000020
        || (tag & 0xFF01FFFF) == 0x60003000
        || tag == Tags.FloatPixelData
        || tag == Tags.DoubleFloatPixelData;
  }

  private static final List<Charset> ASCII_FORMS =
      List.of(StandardCharsets.US_ASCII, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);
  private static final List<Charset> RAW =
      List.of(
          StandardCharsets.ISO_8859_1,
          StandardCharsets.UTF_8,
          StandardCharsets.UTF_16LE,
          StandardCharsets.UTF_16BE,
          Charset.forName("EUC-KR"));

  /**
   * One identifier: its upper-case text for the decoded search, and its raw byte forms (as given
   * and upper case, in each raw encoding; the name also in the input's own encoding), each with the
   * width of a character unit, for the whole-word test.
   */
  private record Known(
      String kind,
      String text,
      boolean word,
      boolean inDates,
      List<byte[]> forms,
      List<Integer> widths) {}

  private final List<Known> known = new ArrayList<>();
  private int shortest = Integer.MAX_VALUE;

  /** Searches nothing: only for measuring the check's cost. */
  static final LastCheck NONE = new LastCheck(null);

  private final boolean enabled;

  /** Values written before the identifiers were all known, checked by {@link #ready()}. */
  private List<Object[]> waiting = new ArrayList<>();

  private LastCheck(String mrn) {
    this.enabled = mrn != null;
    add("MRN", mrn, false, true);
  }

  /** A check for one file of the subject with this MRN; the rest is learnt from the input. */
  static LastCheck forMrn(String mrn) {
    return new LastCheck(mrn);
  }

  /**
   * True for the top-level attributes whose input values are identifiers. They all sort before
   * (0020,000E), so once the pass is past it every identifier is known ({@link #ready()}).
   */
  static boolean wants(int tag) {
    return wanted(tag) && tag != Tags.SpecificCharacterSet;
  }

  /** Learns an identifier from the input's top-level value of {@code tag}. */
  void learn(int tag, byte[] v, SpecificCharacterSet cs) {
    if (!enabled || v.length > 4096) {
      return;
    }
    if (tag == Tags.PatientName) {
      name(cs.decode(v, VR.PN), cs);
      return;
    }
    for (String s : Values.strings(v)) {
      add(kindOf(tag), s.trim(), false, tag != Tags.PatientBirthDate);
    }
  }

  /** Every identifier is known: checks the values that waited, and from now on at once. */
  void ready() throws KnownIdentifierException {
    if (waiting == null) {
      return;
    }
    List<Object[]> w = waiting;
    waiting = null;
    for (Object[] v : w) {
      search((String) v[0], (Integer) v[1], (VR) v[2], (byte[]) v[3], (SpecificCharacterSet) v[4]);
    }
  }

  private static boolean wanted(int tag) {
    return tag == Tags.SpecificCharacterSet || tag == Tags.PatientName || !kindOf(tag).isEmpty();
  }

  /** The last tag {@link #wants}. */
  static int lastWanted() {
    return Tags.SeriesInstanceUID;
  }

  private static String kindOf(int tag) {
    switch (tag) {
      case Tags.PatientID:
      case 0x00101000: // Other Patient IDs (retired)
        return "MRN";
      case 0x00080050:
        return "accession number";
      case Tags.PatientBirthDate:
        return "birth date";
      case Tags.StudyInstanceUID:
        return "original study UID";
      case Tags.SeriesInstanceUID:
        return "original series UID";
      case Tags.SOPInstanceUID:
        return "original instance UID";
      default:
        return "";
    }
  }

  private void name(String pn, SpecificCharacterSet cs) {
    List<String> parts = new ArrayList<>();
    for (String p : pn.split("[\\^=\\s,]+")) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    if (parts.size() >= 2) {
      parts.add(parts.get(0) + parts.get(1)); // Korean names are often written joined
    }
    for (String p : parts) {
      boolean ascii = p.chars().allMatch(ch -> ch < 0x80);
      add("name", p, ascii, true, ascii ? null : cs.encode(p, VR.PN));
    }
  }

  private void add(String kind, String text, boolean word, boolean inDates) {
    add(kind, text, word, inDates, null);
  }

  private void add(String kind, String text, boolean word, boolean inDates, byte[] own) {
    if (text == null || text.codePointCount(0, text.length()) < 3) {
      return;
    }
    List<byte[]> forms = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    for (String t : List.of(text, text.toUpperCase(Locale.ROOT))) {
      boolean ascii = t.chars().allMatch(ch -> ch < 0x80);
      for (Charset c : ascii ? ASCII_FORMS : RAW) { // ASCII is the same in the 8-bit sets
        if (ascii || c.newEncoder().canEncode(t)) {
          byte[] b = t.getBytes(c);
          if (forms.stream().noneMatch(f -> Arrays.equals(f, b))) {
            forms.add(b);
            widths.add(c.name().startsWith("UTF-16") ? 2 : 1);
          }
        }
      }
    }
    if (own != null) {
      forms.add(own);
      widths.add(1);
    }
    for (byte[] f : forms) {
      shortest = Math.min(shortest, f.length);
    }
    known.add(new Known(kind, text.toUpperCase(Locale.ROOT), word, inDates, forms, widths));
  }

  /** Throws when {@code value}, written at {@code path}, holds a known identifier. */
  void value(String item, int tag, VR vr, byte[] value, SpecificCharacterSet cs)
      throws KnownIdentifierException {
    if (!enabled) {
      return;
    }
    if (waiting != null) {
      waiting.add(new Object[] {item, tag, vr, value, cs});
      return;
    }
    search(item, tag, vr, value, cs);
  }

  /** A tag as {@code gggg,eeee}, for a path. */
  static String path(int tag) {
    char[] c = new char[9];
    for (int i = 0; i < 8; i++) {
      c[i < 4 ? i : i + 1] =
          Character.toUpperCase(Character.forDigit((tag >>> (28 - 4 * i)) & 0xF, 16));
    }
    c[4] = ',';
    return new String(c);
  }

  private void search(String item, int tag, VR vr, byte[] value, SpecificCharacterSet cs)
      throws KnownIdentifierException {
    if (value.length < shortest || known.isEmpty()) {
      return;
    }
    if (vr == VR.UI) {
      // A UID is compared whole: the engine's 2.25 UIDs are long random decimals, in which any
      // digit string (a numeric MRN, a birth date) turns up by chance about once in 10^5 files.
      for (String uid : Values.strings(value)) {
        for (Known k : known) {
          if (k.text().equals(uid)) {
            throw new KnownIdentifierException(k.kind(), item + path(tag));
          }
        }
      }
      return;
    }
    boolean date = vr == VR.DA || vr == VR.DT;
    if (ElementRules.TEXT.contains(vr) || vr == VR.CS || vr == VR.UN) {
      search(item, tag, cs.decode(value, vr), date);
    }
    // In a decimal or integer string a match must stand apart from other digits, for the same
    // reason as in UIDs (measured digits such as 0.195603121 are not a birth date).
    boolean number = vr == VR.DS || vr == VR.IS;
    for (Known k : known) {
      if (date && !k.inDates()) {
        continue;
      }
      for (int i = 0; i < k.forms().size(); i++) {
        if (found(value, k.forms().get(i), k.word() || number ? k.widths().get(i) : 0)) {
          throw new KnownIdentifierException(k.kind(), item + path(tag));
        }
      }
    }
  }

  private void search(String item, int tag, String text, boolean date)
      throws KnownIdentifierException {
    String t = text.toUpperCase(Locale.ROOT);
    for (Known k : known) {
      if ((!date || k.inDates()) && found(t, k)) {
        throw new KnownIdentifierException(k.kind(), item + path(tag));
      }
    }
  }

  private static boolean found(String text, Known k) {
    for (int i = text.indexOf(k.text()); i >= 0; i = text.indexOf(k.text(), i + 1)) {
      int end = i + k.text().length();
      if (!k.word()
          || (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
              && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code needle} occurs in {@code hay}; with {@code width} 1 or 2, only as a whole word:
   * the character unit before and after it is not an ASCII letter or digit.
   */
  private static boolean found(byte[] hay, byte[] needle, int width) {
    byte first = needle[0];
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (hay[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      if (width == 0
          || !alnumUnit(hay, i - width, width) && !alnumUnit(hay, i + needle.length, width)) {
        return true;
      }
    }
    return false;
  }

  private static boolean alnumUnit(byte[] b, int at, int width) {
    if (at < 0 || at + width > b.length) {
      return false;
    }
    int c = width == 1 ? b[at] : b[at] == 0 ? b[at + 1] : b[at + 1] == 0 ? b[at] : -1;
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }
}
