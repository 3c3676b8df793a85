package org.dicomdeid.dicom;

import java.nio.charset.StandardCharsets;

/**
 * Value Representations, PS3.5 section 6.2, Table 6.2-1.
 *
 * <p>{@code longHeader} is true for the VRs whose explicit-VR element header has two reserved bytes
 * and a 32-bit length (PS3.5 7.1.2, Table 7.1-1); the others have a 16-bit length.
 */
public enum VR {
  AE(Kind.TEXT, false, ' ', 0),
  AS(Kind.TEXT, false, ' ', 0),
  AT(Kind.BINARY, false, 0, 4),
  CS(Kind.TEXT, false, ' ', 0),
  DA(Kind.TEXT, false, ' ', 0),
  DS(Kind.TEXT, false, ' ', 0),
  DT(Kind.TEXT, false, ' ', 0),
  FL(Kind.BINARY, false, 0, 4),
  FD(Kind.BINARY, false, 0, 8),
  IS(Kind.TEXT, false, ' ', 0),
  LO(Kind.CHARSET_TEXT, false, ' ', 0),
  LT(Kind.CHARSET_TEXT, false, ' ', 0),
  OB(Kind.BULK, true, 0, 1),
  OD(Kind.BULK, true, 0, 8),
  OF(Kind.BULK, true, 0, 4),
  OL(Kind.BULK, true, 0, 4),
  OV(Kind.BULK, true, 0, 8),
  OW(Kind.BULK, true, 0, 2),
  PN(Kind.CHARSET_TEXT, false, ' ', 0),
  SH(Kind.CHARSET_TEXT, false, ' ', 0),
  SL(Kind.BINARY, false, 0, 4),
  SQ(Kind.SEQUENCE, true, 0, 0),
  SS(Kind.BINARY, false, 0, 2),
  ST(Kind.CHARSET_TEXT, false, ' ', 0),
  SV(Kind.BINARY, true, 0, 8),
  TM(Kind.TEXT, false, ' ', 0),
  UC(Kind.CHARSET_TEXT, true, ' ', 0),
  UI(Kind.TEXT, false, 0, 0),
  UL(Kind.BINARY, false, 0, 4),
  UN(Kind.BULK, true, 0, 1),
  UR(Kind.TEXT, true, ' ', 0),
  US(Kind.BINARY, false, 0, 2),
  UT(Kind.CHARSET_TEXT, true, ' ', 0),
  UV(Kind.BINARY, true, 0, 8);

  /** How a value of this VR is held and interpreted. */
  public enum Kind {
    /** Default character repertoire (ASCII) strings. */
    TEXT,
    /** Strings affected by Specific Character Set (0008,0005), PS3.5 6.1.2.3. */
    CHARSET_TEXT,
    /** Fixed-size binary numbers, byte order of the transfer syntax. */
    BINARY,
    /** Other-byte/word/... and UN: opaque, possibly large, streamed. */
    BULK,
    /** A sequence of items. */
    SEQUENCE
  }

  private final Kind kind;
  private final boolean longHeader;
  private final int padding;
  private final int unitSize;
  private final int code;

  VR(Kind kind, boolean longHeader, int padding, int unitSize) {
    this.kind = kind;
    this.longHeader = longHeader;
    this.padding = padding;
    this.unitSize = unitSize;
    byte[] b = name().getBytes(StandardCharsets.US_ASCII);
    this.code = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
  }

  public Kind kind() {
    return kind;
  }

  /** Explicit VR header with a 32-bit length field (PS3.5 Table 7.1-1). */
  public boolean longHeader() {
    return longHeader;
  }

  /** Byte that pads an odd-length value to even: space for strings, NUL otherwise (UI too). */
  public int padding() {
    return padding;
  }

  /** Bytes per number for binary and bulk VRs (for byte swapping), 0 for strings and SQ. */
  public int unitSize() {
    return unitSize;
  }

  /** The two ASCII characters as a 16-bit big-endian code, as written in an explicit VR header. */
  public int code() {
    return code;
  }

  private static final VR[] BY_CODE = new VR[1 << 16];

  static {
    for (VR vr : values()) {
      BY_CODE[vr.code] = vr;
    }
  }

  /** The VR for a two-byte code read from an explicit VR header, or null if it is not a VR. */
  public static VR ofCode(int code) {
    return BY_CODE[code & 0xffff];
  }

  /** Parses a dictionary VR such as {@code "US or SS"}: the first alternative wins. */
  public static VR parseDictionary(String s) {
    String first = s.trim().split("\\s+or\\s+|/")[0].trim();
    if (first.isEmpty() || first.equals("NONE")) {
      return UN;
    }
    return valueOf(first);
  }
}
