package org.dicomdeid.dicom;

import java.util.Random;

/** Pixel Data for tests: what real CT slices look like to a compressor. */
public final class TestPixels {
  private TestPixels() {}

  /** 16-bit little-endian samples: a smooth field plus noise, some of it compressible. */
  public static byte[] ctLike(int bytes, long seed) {
    Random rnd = new Random(seed);
    byte[] b = new byte[bytes];
    for (int i = 0; i + 1 < bytes; i += 2) {
      int v = 1000 + (int) (300 * Math.sin(i / 800.0)) + rnd.nextInt(48);
      b[i] = (byte) v;
      b[i + 1] = (byte) (v >> 8);
    }
    return b;
  }
}
