package org.dicomdeid.dicom;

/** Searches raw bytes: the PHI scans look in written bytes, not only in parsed values. */
public final class ByteSearch {
  private ByteSearch() {}

  /** Offset of the first occurrence of {@code needle} in {@code hay}, or -1. */
  public static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  public static boolean contains(byte[] hay, byte[] needle) {
    return indexOf(hay, needle) >= 0;
  }
}
