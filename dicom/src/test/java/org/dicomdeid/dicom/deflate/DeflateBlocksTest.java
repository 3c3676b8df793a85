package org.dicomdeid.dicom.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.dicomdeid.dicom.TestPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The block scanner against zlib: every boundary it reports is a real block start, checked by
 * inflating the stream from that bit with zlib, given the 32 KiB before it as the window.
 */
class DeflateBlocksTest {

  static byte[] deflate(byte[] data, int level, int strategy) {
    Deflater d = new Deflater(level, true);
    d.setStrategy(strategy);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  /** The bits of {@code comp} from {@code bitOffset} on, moved to start a byte. */
  static byte[] bitsFrom(byte[] comp, long bitOffset) {
    int start = (int) (bitOffset >>> 3);
    int shift = (int) (bitOffset & 7);
    byte[] out = new byte[comp.length - start];
    for (int i = 0; i < out.length; i++) {
      int lo = (comp[start + i] & 0xff) >>> shift;
      int hi = start + i + 1 < comp.length ? (comp[start + i + 1] & 0xff) << (8 - shift) : 0;
      out[i] = (byte) (shift == 0 ? comp[start + i] : lo | hi);
    }
    return out;
  }

  /** zlib's inflation of the stream from a block boundary, with the window before it. */
  static byte[] inflateFrom(byte[] comp, DeflateBlocks.Boundary b, byte[] data)
      throws DataFormatException {
    Inflater inf = new Inflater(true);
    int at = (int) b.uncompressedOffset();
    inf.setDictionary(Arrays.copyOfRange(data, Math.max(0, at - 32768), at));
    inf.setInput(bitsFrom(comp, b.bitOffset()));
    byte[] out = new byte[data.length - at + 16];
    int n = 0;
    while (!inf.finished() && n < out.length) {
      int k = inf.inflate(out, n, out.length - n);
      if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
        break;
      }
      n += k;
    }
    inf.end();
    return Arrays.copyOf(out, n);
  }

  static List<DeflateBlocks.Boundary> allBoundaries(byte[] comp) throws IOException {
    List<DeflateBlocks.Boundary> all = new ArrayList<>();
    long min = 0;
    DeflateBlocks.Boundary b;
    while ((b = DeflateBlocks.firstBlockFrom(new ByteArrayInputStream(comp), min, Long.MAX_VALUE))
        != null) {
      all.add(b);
      min = b.uncompressedOffset() + 1;
    }
    return all;
  }

  @ParameterizedTest(name = "level {0}, strategy {1}")
  @CsvSource({"0,0", "1,0", "6,0", "9,0", "1,1", "6,2", "9,1"})
  void everyBoundaryFoundIsABlockStartZlibAgrees(int level, int strategy) throws Exception {
    byte[] data = TestPixels.ctLike(600_000, level * 31 + strategy);
    byte[] comp = deflate(data, level, strategy);
    List<DeflateBlocks.Boundary> all = allBoundaries(comp);
    assertTrue(all.size() >= 4, "only " + all.size() + " blocks found in 600 kB");
    assertEquals(new DeflateBlocks.Boundary(0, 0), all.get(0));
    boolean[] shifts = new boolean[8];
    for (DeflateBlocks.Boundary b : all) {
      byte[] rest = inflateFrom(comp, b, data);
      assertArrayEquals(
          Arrays.copyOfRange(data, (int) b.uncompressedOffset(), data.length),
          rest,
          "inflating from " + b);
      shifts[(int) (b.bitOffset() & 7)] = true;
    }
    if (level > 0) { // stored blocks start on whole bytes; Huffman blocks anywhere
      int distinct = 0;
      for (boolean s : shifts) {
        distinct += s ? 1 : 0;
      }
      assertTrue(distinct >= 3, "boundaries at only " + distinct + " bit positions");
    }
  }

  @Test
  void theFirstBlockAfterAnOffsetAndNoFurtherThanTheLimit() throws IOException {
    byte[] data = TestPixels.ctLike(400_000, 5);
    byte[] comp = deflate(data, 6, 0);
    List<DeflateBlocks.Boundary> all = allBoundaries(comp);
    DeflateBlocks.Boundary third = all.get(3);
    long min = all.get(2).uncompressedOffset() + 1;
    assertEquals(
        third, DeflateBlocks.firstBlockFrom(new ByteArrayInputStream(comp), min, Long.MAX_VALUE));
    assertNull(
        DeflateBlocks.firstBlockFrom(
            new ByteArrayInputStream(comp), min, third.uncompressedOffset() - 1),
        "a boundary past the limit is not reported");
    assertNull(
        DeflateBlocks.firstBlockFrom(
            new ByteArrayInputStream(comp), data.length + 1, Long.MAX_VALUE),
        "nothing starts after the final block");
  }

  @Test
  void truncatedOrRandomInputGivesNoBoundaryAndNoException() throws IOException {
    byte[] comp = deflate(TestPixels.ctLike(300_000, 9), 6, 0);
    for (int cut = 1; cut < comp.length; cut += 997) {
      DeflateBlocks.Boundary b =
          DeflateBlocks.firstBlockFrom(
              new ByteArrayInputStream(Arrays.copyOf(comp, cut)), 250_000, Long.MAX_VALUE);
      if (b != null) {
        assertTrue(b.bitOffset() <= cut * 8L, "a boundary beyond the bytes given: " + b);
      }
    }
    Random rnd = new Random(3);
    for (int i = 0; i < 200; i++) {
      byte[] junk = new byte[1 + rnd.nextInt(5000)];
      rnd.nextBytes(junk);
      DeflateBlocks.firstBlockFrom(new ByteArrayInputStream(junk), 1, Long.MAX_VALUE);
    }
  }
}
