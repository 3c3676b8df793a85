package org.dicomdeid.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The code elements DICOM allows with ISO/IEC 2022 code extensions, with their designating escape
 * sequences (PS3.3 C.12.1.1.2, Tables C.12-3 and C.12-4; PS3.5 6.1.2.5). Only G0 and G1 are used
 * (PS3.5 6.1.2.5.1): G0 for the GL area (bytes 21-7E), G1 for the GR area (A0/A1-FF).
 *
 * <p>Characters are converted with a Java charset that holds the set: the EUC forms for the
 * two-byte sets (EUC-JP with the 8F prefix for JIS X 0212, whose own Java charset is absent).
 */
enum CodeElement {
  /** ISO-IR 6, ASCII. */
  IR_6(false, 1, "US-ASCII", 0, "(B"),
  /** ISO-IR 14, JIS X 0201 romaji; ASCII but for YEN SIGN and OVERLINE, decoded as ASCII. */
  IR_14(false, 1, "US-ASCII", 0, "(J"),
  /** ISO-IR 13, JIS X 0201 katakana. */
  IR_13(true, 1, "JIS_X0201", 0, ")I"),
  IR_100(true, 1, "ISO-8859-1", 0, "-A"),
  IR_101(true, 1, "ISO-8859-2", 0, "-B"),
  IR_109(true, 1, "ISO-8859-3", 0, "-C"),
  IR_110(true, 1, "ISO-8859-4", 0, "-D"),
  IR_144(true, 1, "ISO-8859-5", 0, "-L"),
  IR_127(true, 1, "ISO-8859-6", 0, "-G"),
  IR_126(true, 1, "ISO-8859-7", 0, "-F"),
  IR_138(true, 1, "ISO-8859-8", 0, "-H"),
  IR_148(true, 1, "ISO-8859-9", 0, "-M"),
  IR_203(true, 1, "ISO-8859-15", 0, "-b"),
  IR_166(true, 1, "TIS-620", 0, "-T"),
  /** ISO-IR 87, JIS X 0208 kanji, hiragana, katakana; two bytes in G0. */
  IR_87(false, 2, "EUC-JP", 0, "$B"),
  /** ISO-IR 159, JIS X 0212 supplementary kanji; two bytes in G0. */
  IR_159(false, 2, "EUC-JP", 0x8F, "$(D"),
  /** ISO-IR 149, KS X 1001 Hangul and Hanja; two bytes in G1. */
  IR_149(true, 2, "EUC-KR", 0, "$)C"),
  /** ISO-IR 58, GB 2312; two bytes in G1. */
  IR_58(true, 2, "GB2312", 0, "$)A");

  static final int ESC = 0x1B;

  final boolean g1;
  final int width;
  final Charset charset;

  /** Byte that precedes a character of this set in the charset's EUC form (JIS X 0212), or 0. */
  private final int eucPrefix;

  /** ESC followed by these bytes designates the set. */
  private final byte[] escape;

  CodeElement(boolean g1, int width, String charset, int eucPrefix, String escape) {
    this.g1 = g1;
    this.width = width;
    this.charset = Charset.forName(charset);
    this.eucPrefix = eucPrefix;
    this.escape = new byte[escape.length() + 1];
    this.escape[0] = ESC;
    for (int i = 0; i < escape.length(); i++) {
      this.escape[i + 1] = (byte) escape.charAt(i);
    }
  }

  /** The full escape sequence, ESC included. */
  byte[] escape() {
    return escape.clone();
  }

  int escapeLength() {
    return escape.length;
  }

  /** The element whose escape sequence starts at {@code b[off]} (an ESC), or null. */
  static CodeElement atEscape(byte[] b, int off) {
    for (CodeElement e : values()) {
      if (off + e.escape.length <= b.length
          && Arrays.equals(b, off, off + e.escape.length, e.escape, 0, e.escape.length)) {
        return e;
      }
    }
    return null;
  }

  /** Appends the charset's bytes for one character read from the value (b2 unused if 1 byte). */
  void toCharsetBytes(int b1, int b2, ByteArrayOutputStream out) {
    if (eucPrefix != 0) {
      out.write(eucPrefix);
    }
    out.write(g1 ? b1 : b1 | 0x80);
    if (width == 2) {
      out.write(g1 ? b2 : b2 | 0x80);
    }
  }

  /**
   * The bytes of code point {@code cp} in this set as they appear in the value: 7-bit for G0 sets,
   * 8-bit for G1 sets; null if the set does not hold the character.
   */
  byte[] encodeChar(int cp) {
    if (cp < 0x80) {
      return null; // handled by the G0 single-byte sets
    }
    ByteBuffer bb;
    try {
      bb = charset.newEncoder().encode(CharBuffer.wrap(Character.toChars(cp)));
    } catch (CharacterCodingException e) {
      return null;
    }
    byte[] b = new byte[bb.remaining()];
    bb.get(b);
    int start = 0;
    if (eucPrefix != 0) {
      if (b.length == 0 || (b[0] & 0xFF) != eucPrefix) {
        return null;
      }
      start = 1;
    } else if (width == 2 && b.length > 0 && (b[0] & 0xFF) == 0x8F) {
      return null; // EUC-JP's JIS X 0212 is a separate element
    }
    if (b.length - start != width) {
      return null;
    }
    byte[] out = new byte[width];
    for (int i = 0; i < width; i++) {
      int v = b[start + i] & 0xFF;
      if (v < (width == 1 ? 0xA0 : 0xA1)) {
        return null; // C1 controls, ASCII, EUC single shifts: not this set
      }
      out[i] = (byte) (g1 ? v : v & 0x7F);
    }
    return out;
  }
}
