package org.dicomdeid.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Helpers for string values of the default repertoire (PS3.5 6.2, 6.4 value multiplicity). */
public final class Values {
  private Values() {}

  /** ASCII/Latin-1 string with leading spaces kept and trailing spaces and NULs removed. */
  public static String string(byte[] value) {
    if (value == null) {
      return "";
    }
    int end = value.length;
    while (end > 0 && (value[end - 1] == ' ' || value[end - 1] == 0)) {
      end--;
    }
    return new String(value, 0, end, StandardCharsets.ISO_8859_1);
  }

  /** The values of a multi-valued string, split on backslash, each trimmed of spaces. */
  public static List<String> strings(byte[] value) {
    List<String> out = new ArrayList<>();
    for (String s : string(value).split("\\\\", -1)) {
      out.add(s.trim());
    }
    return out;
  }

  /** Encodes an ASCII string, padded to even length with the VR's padding byte. */
  public static byte[] ascii(String s, VR vr) {
    byte[] raw = s.getBytes(StandardCharsets.US_ASCII);
    return pad(raw, vr);
  }

  /** Pads to even length with the VR's padding byte (PS3.5 7.1.1). */
  public static byte[] pad(byte[] raw, VR vr) {
    if ((raw.length & 1) == 0) {
      return raw;
    }
    byte[] out = Arrays.copyOf(raw, raw.length + 1);
    out[raw.length] = (byte) vr.padding();
    return out;
  }

  /** Reads a 16-bit unsigned value in the given byte order. */
  public static int u16(byte[] v, int off, boolean bigEndian) {
    return bigEndian
        ? ((v[off] & 0xff) << 8) | (v[off + 1] & 0xff)
        : ((v[off + 1] & 0xff) << 8) | (v[off] & 0xff);
  }

  /** Reads a 32-bit unsigned value in the given byte order. */
  public static long u32(byte[] v, int off, boolean bigEndian) {
    long a = u16(v, off, bigEndian);
    long b = u16(v, off + 2, bigEndian);
    return bigEndian ? a << 16 | b : b << 16 | a;
  }

  /** Reads a tag (group, then element: PS3.5 7.1) in the given byte order. */
  public static int tag(byte[] v, int off, boolean bigEndian) {
    return u16(v, off, bigEndian) << 16 | u16(v, off + 2, bigEndian);
  }
}
