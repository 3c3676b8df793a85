package org.dicomdeid.sample;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * RLE Lossless (1.2.840.10008.1.2.5), PS3.5 Annex G, for single-sample frames of 8 or 16 bits: one
 * segment per byte of a sample, most significant byte first (G.2), each a PackBits byte stream
 * (G.3.1), behind a 64-byte header of the segment count and 15 offsets (G.5).
 */
public final class Rle {
  private Rle() {}

  /**
   * Encodes one frame given as little-endian samples of {@code bytesPerSample} (1 or 2) bytes. The
   * result is one fragment, even length.
   */
  public static byte[] encodeFrame(byte[] littleEndianSamples, int bytesPerSample) {
    int samples = littleEndianSamples.length / bytesPerSample;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int[] offsets = new int[bytesPerSample];
    for (int s = 0; s < bytesPerSample; s++) {
      offsets[s] = 64 + body.size();
      byte[] plane = new byte[samples];
      int byteIndex = bytesPerSample - 1 - s; // G.2: most significant byte first
      for (int i = 0; i < samples; i++) {
        plane[i] = littleEndianSamples[i * bytesPerSample + byteIndex];
      }
      packBits(plane, body);
      if ((body.size() & 1) == 1) {
        body.write(0); // G.5: each segment is padded to an even length
      }
    }
    ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(bytesPerSample);
    for (int off : offsets) {
      header.putInt(off);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + body.size());
    out.writeBytes(header.array());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  // G.3.1: header n in 0..127 -> n+1 literal bytes; n in -127..-1 -> the next byte 1-n times.
  private static void packBits(byte[] in, ByteArrayOutputStream out) {
    int i = 0;
    while (i < in.length) {
      int run = 1;
      while (i + run < in.length && run < 128 && in[i + run] == in[i]) {
        run++;
      }
      if (run >= 2) {
        out.write(1 - run);
        out.write(in[i]);
        i += run;
        continue;
      }
      int start = i;
      while (i < in.length && i - start < 128 && !(i + 1 < in.length && in[i + 1] == in[i])) {
        i++;
      }
      out.write(i - start - 1);
      out.write(in, start, i - start);
    }
  }

  /** Decodes one fragment back to little-endian samples of {@code bytesPerSample} bytes. */
  public static byte[] decodeFrame(byte[] fragment, int samples, int bytesPerSample) {
    ByteBuffer h = ByteBuffer.wrap(fragment).order(ByteOrder.LITTLE_ENDIAN);
    int segments = h.getInt(0);
    if (segments != bytesPerSample) {
      throw new IllegalArgumentException("expected " + bytesPerSample + " segments: " + segments);
    }
    byte[] out = new byte[samples * bytesPerSample];
    for (int s = 0; s < segments; s++) {
      int at = h.getInt(4 + 4 * s);
      int end = s + 1 < segments ? h.getInt(8 + 4 * s) : fragment.length;
      int byteIndex = bytesPerSample - 1 - s;
      int i = 0;
      while (i < samples && at < end) {
        int n = fragment[at++];
        if (n >= 0) {
          for (int k = 0; k <= n && i < samples; k++) {
            out[i++ * bytesPerSample + byteIndex] = fragment[at++];
          }
        } else if (n != -128) {
          byte b = fragment[at++];
          for (int k = 0; k < 1 - n && i < samples; k++) {
            out[i++ * bytesPerSample + byteIndex] = b;
          }
        }
      }
    }
    return out;
  }
}
