package org.dicomdeid.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Values with ISO/IEC 2022 code extensions, PS3.5 6.1.2.5: escape sequences designate code elements
 * into G0 (bytes 21-7E) and G1 (bytes A0-FF); C0 controls and SPACE keep their ASCII meaning. Per
 * PS3.5 6.1.2.5.3 the initial designations (those of value 1 of (0008,0005)) are back in force at
 * the start of each value, at every control character (CR, LF, FF, TAB), at the value delimiter
 * BACKSLASH and, in PN, at the '^' and '=' delimiters.
 */
final class Iso2022 {
  private static final char REPLACEMENT = '\uFFFD';

  private final CodeElement initialG0;
  private final CodeElement initialG1; // may be null: nothing designated to G1
  private final List<CodeElement> declared;

  Iso2022(CodeElement initialG0, CodeElement initialG1, List<CodeElement> declared) {
    this.initialG0 = initialG0;
    this.initialG1 = initialG1;
    this.declared = List.copyOf(declared);
  }

  private static boolean isDelimiter(int c, boolean pn, boolean multiValued) {
    return c < 0x20 || (multiValued && c == '\\') || (pn && (c == '^' || c == '='));
  }

  /** Decodes, never throws: bytes no designated set explains become U+FFFD. */
  String decode(byte[] v, boolean pn, boolean multiValued) {
    StringBuilder out = new StringBuilder(v.length);
    ByteArrayOutputStream run = new ByteArrayOutputStream(); // charset bytes of runElement
    CodeElement runElement = null;
    CodeElement g0 = initialG0;
    CodeElement g1 = initialG1;
    int i = 0;
    while (i < v.length) {
      int b = v[i] & 0xFF;
      CodeElement target = null; // the multi-byte or G1 set this byte belongs to, if any
      int len = 1;
      if (b >= 0x21 && b <= 0x7E && g0.width == 2) {
        target = g0;
        len = 2;
      } else if (b >= 0x80 && g1 != null) {
        target = g1;
        len = g1.width;
      }
      if (target != null && i + len <= v.length && continuation(v, i + 1, len, target.g1)) {
        if (target != runElement) {
          flush(out, run, runElement);
          runElement = target;
        }
        target.toCharsetBytes(b, len == 2 ? v[i + 1] & 0xFF : 0, run);
        i += len;
        continue;
      }
      flush(out, run, runElement);
      runElement = null;
      if (b == CodeElement.ESC) {
        CodeElement e = CodeElement.atEscape(v, i);
        if (e != null) {
          if (e.g1) {
            g1 = e;
          } else {
            g0 = e;
          }
          i += e.escapeLength();
          continue;
        }
        out.append(REPLACEMENT); // an escape sequence DICOM does not allow
      } else if (b < 0x80 && target == null) {
        out.append((char) b); // ASCII, JIS X 0201 romaji, controls, SPACE
        if (isDelimiter(b, pn, multiValued)) {
          g0 = initialG0;
          g1 = initialG1;
        }
      } else {
        out.append(REPLACEMENT);
      }
      i++;
    }
    flush(out, run, runElement);
    return out.toString();
  }

  /** True if the {@code len - 1} bytes after the first are in the same area (GL or GR). */
  private static boolean continuation(byte[] v, int from, int len, boolean gr) {
    for (int k = from; k < from + len - 1; k++) {
      int c = v[k] & 0xFF;
      if (gr ? c < 0xA1 || c == 0xFF : c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream run, CodeElement element) {
    if (run.size() > 0) {
      out.append(new String(run.toByteArray(), element.charset));
      run.reset();
    }
  }

  /**
   * Encodes, switching sets with escape sequences where needed and returning to the initial G0
   * before each delimiter and at the end (PS3.5 6.1.2.5.3). Characters no declared set holds become
   * '?'.
   */
  byte[] encode(String s, boolean pn, boolean multiValued) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 2);
    CodeElement g0 = initialG0;
    CodeElement g1 = initialG1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      byte[] bytes = null;
      CodeElement set = null;
      if (cp >= 0x80) {
        for (CodeElement e : candidates(g0, g1)) {
          if ((bytes = e.encodeChar(cp)) != null) {
            set = e;
            break;
          }
        }
        if (set == null) {
          cp = '?';
        }
      }
      if (set == null) { // a single byte from the default repertoire
        if (g0.width != 1 || isDelimiter(cp, pn, multiValued)) {
          CodeElement back = initialG0.width == 1 ? initialG0 : CodeElement.IR_6;
          if (g0 != back) {
            out.writeBytes(back.escape());
          }
          g0 = back;
        }
        out.write(cp);
        if (isDelimiter(cp, pn, multiValued)) {
          g0 = initialG0;
          g1 = initialG1;
        }
        continue;
      }
      if (set.g1 ? g1 != set : g0 != set) {
        out.writeBytes(set.escape());
        if (set.g1) {
          g1 = set;
        } else {
          g0 = set;
        }
      }
      out.writeBytes(bytes);
    }
    if (g0 != initialG0) {
      out.writeBytes(initialG0.escape());
    }
    return out.toByteArray();
  }

  /** The sets to try for a character: those in force first, then the declared ones in order. */
  private Iterable<CodeElement> candidates(CodeElement g0, CodeElement g1) {
    Set<CodeElement> c = new LinkedHashSet<>();
    if (g1 != null) {
      c.add(g1);
    }
    if (g0.width == 2) {
      c.add(g0);
    }
    c.addAll(declared);
    return c;
  }
}
