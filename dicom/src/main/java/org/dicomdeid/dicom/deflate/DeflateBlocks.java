package org.dicomdeid.dicom.deflate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Finds where the blocks of a raw deflate stream (RFC 1951) begin, without inflating it: block
 * headers and Huffman codes are decoded to count the bytes each block stands for, but no byte of
 * output is produced. {@link DeflateSplice} uses it to find a block boundary inside Pixel Data,
 * from which the input's compressed bits can be reused as they are.
 *
 * <p>Strict and conservative: anything it does not understand (a reserved block type, an
 * over-subscribed or incomplete code, a length code out of range, the stream ending) gives "no
 * boundary", never a guess. It is not a validator: the caller inflates the stream with zlib too.
 */
final class DeflateBlocks {
  /** A block's first bit, counted LSB first from the stream's first byte (RFC 1951 3.1.1). */
  record Boundary(long bitOffset, long uncompressedOffset) {}

  // RFC 1951 3.2.5: base lengths and extra bits of length codes 257..285, extra bits of distances.
  private static final int[] LENGTH_BASE = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258
  };
  private static final int[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };
  private static final int[] DIST_EXTRA = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
  };
  // RFC 1951 3.2.7: the order in which code length code lengths are sent.
  private static final int[] CLEN_ORDER = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
  };
  private static final Huffman FIXED_LITLEN;
  private static final Huffman FIXED_DIST;

  static {
    int[] lit = new int[288];
    for (int i = 0; i < 288; i++) {
      lit[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8; // RFC 1951 3.2.6
    }
    int[] dist = new int[32]; // 30 and 31 are part of the code but never occur (3.2.6)
    Arrays.fill(dist, 5);
    FIXED_LITLEN = Huffman.of(lit, lit.length);
    FIXED_DIST = Huffman.of(dist, dist.length);
  }

  private final Bits in;

  private DeflateBlocks(InputStream compressed) {
    this.in = new Bits(compressed);
  }

  /**
   * The first block that starts at or after uncompressed offset {@code min} and no later than
   * {@code max}; null if there is none (the stream ends first, or is not understood).
   */
  static Boundary firstBlockFrom(InputStream compressed, long min, long max) throws IOException {
    return new DeflateBlocks(compressed).find(min, max);
  }

  private Boundary find(long min, long max) throws IOException {
    long out = 0;
    while (out <= max) {
      long start = in.bitOffset();
      if (out >= min) {
        return new Boundary(start, out);
      }
      int header = in.bits(3);
      if (header < 0) {
        return null;
      }
      boolean last = (header & 1) != 0;
      long n =
          switch (header >>> 1) {
            case 0 -> stored();
            case 1 -> huffman(FIXED_LITLEN, FIXED_DIST);
            case 2 -> dynamic();
            default -> -1; // type 3 is reserved (an error)
          };
      if (n < 0 || last) {
        return null;
      }
      out += n;
    }
    return null;
  }

  /** RFC 1951 3.2.4: byte aligned LEN, NLEN, then LEN literal bytes. */
  private long stored() throws IOException {
    in.alignToByte();
    int len = in.bits(16);
    int nlen = in.bits(16);
    if (len < 0 || nlen < 0 || (len ^ 0xffff) != nlen) {
      return -1;
    }
    return in.skipBytes(len) ? len : -1;
  }

  /** RFC 1951 3.2.7: the code lengths of a dynamic block, themselves Huffman coded. */
  private long dynamic() throws IOException {
    int hlit = in.bits(5);
    int hdist = in.bits(5);
    int hclen = in.bits(4);
    if (hclen < 0) {
      return -1;
    }
    hlit += 257;
    hdist += 1;
    if (hlit > 286 || hdist > 30) {
      return -1;
    }
    int[] clen = new int[19];
    for (int i = 0; i < hclen + 4; i++) {
      int v = in.bits(3);
      if (v < 0) {
        return -1;
      }
      clen[CLEN_ORDER[i]] = v;
    }
    Huffman lengthCode = Huffman.of(clen, 19);
    if (lengthCode == null) {
      return -1;
    }
    int[] lengths = new int[hlit + hdist];
    for (int i = 0; i < lengths.length; ) {
      int sym = lengthCode.decode(in);
      int repeat;
      int value;
      if (sym < 0) {
        return -1;
      } else if (sym < 16) {
        lengths[i++] = sym;
        continue;
      } else if (sym == 16) {
        if (i == 0) {
          return -1;
        }
        value = lengths[i - 1];
        repeat = 3 + in.bits(2);
      } else {
        value = 0;
        repeat = sym == 17 ? 3 + in.bits(3) : 11 + in.bits(7);
      }
      if (repeat < 3 || i + repeat > lengths.length) {
        return -1;
      }
      while (repeat-- > 0) {
        lengths[i++] = value;
      }
    }
    if (lengths[256] == 0) {
      return -1; // no end-of-block code
    }
    Huffman lit = Huffman.of(lengths, hlit);
    Huffman dist = Huffman.of(Arrays.copyOfRange(lengths, hlit, lengths.length), hdist);
    return lit == null || dist == null ? -1 : huffman(lit, dist);
  }

  /**
   * RFC 1951 3.2.5: literals and length/distance pairs up to end of block; returns bytes. The bit
   * buffer is kept in locals, refilled to 48 bits or more before each symbol: a literal or length
   * code (15 bits at most), its extra bits (5), a distance code (15) and its extra bits (13) fit,
   * so one refill serves a whole length/distance pair.
   */
  private long huffman(Huffman lit, Huffman dist) throws IOException {
    int[] litTable = lit.table;
    int litMask = (1 << lit.maxBits) - 1;
    int[] distTable = dist.table;
    int distMask = (1 << dist.maxBits) - 1;
    long n = 0;
    long bb = in.bitBuf;
    int bc = in.bitCount;
    try {
      while (true) {
        if (bc < 48) {
          in.bitBuf = bb;
          in.bitCount = bc;
          in.refill();
          bb = in.bitBuf;
          bc = in.bitCount;
        }
        int e = litTable[(int) bb & litMask];
        int len = e & 15;
        if (e < 0 || len > bc) {
          return -1;
        }
        bb >>>= len;
        bc -= len;
        int sym = e >>> 4;
        if (sym < 256) {
          n++;
          continue;
        }
        if (sym == 256) {
          return n;
        }
        sym -= 257;
        if (sym >= 29) {
          return -1;
        }
        int extra = LENGTH_EXTRA[sym];
        if (extra > bc) {
          return -1;
        }
        n += LENGTH_BASE[sym] + ((int) bb & ((1 << extra) - 1));
        bb >>>= extra;
        bc -= extra;
        int d = distTable[(int) bb & distMask];
        len = d & 15;
        if (d < 0 || len > bc || (d >>> 4) >= 30) {
          return -1;
        }
        bb >>>= len;
        bc -= len;
        extra = DIST_EXTRA[d >>> 4];
        if (extra > bc) {
          return -1;
        }
        bb >>>= extra;
        bc -= extra;
      }
    } finally {
      in.bitBuf = bb;
      in.bitCount = bc;
    }
  }

  /**
   * A canonical Huffman code (RFC 1951 3.2.2) as one lookup table indexed by the next {@code
   * maxBits} bits of input in stream order; each entry is symbol << 4 | code length.
   */
  private static final class Huffman {
    private final int[] table;
    private final int maxBits;

    private Huffman(int[] table, int maxBits) {
      this.table = table;
      this.maxBits = maxBits;
    }

    /** Null for a code that is over-subscribed, or incomplete with more than one code. */
    static Huffman of(int[] lengths, int n) {
      int[] count = new int[16];
      int maxBits = 0;
      for (int i = 0; i < n; i++) {
        count[lengths[i]]++;
        maxBits = Math.max(maxBits, lengths[i]);
      }
      count[0] = 0;
      int left = 1;
      for (int len = 1; len <= 15; len++) {
        left = (left << 1) - count[len];
        if (left < 0) {
          return null;
        }
      }
      if (maxBits == 0) {
        maxBits = 1; // no codes at all: only valid for an unused distance code
      } else if (left > 0 && !(maxBits == 1 && countNonZero(lengths, n) == 1)) {
        return null;
      }
      int[] next = new int[16];
      int code = 0;
      for (int len = 1; len <= 15; len++) {
        code = (code + count[len - 1]) << 1;
        next[len] = code;
      }
      int[] table = new int[1 << maxBits];
      Arrays.fill(table, -1);
      for (int sym = 0; sym < n; sym++) {
        int len = lengths[sym];
        if (len == 0) {
          continue;
        }
        int rev = Integer.reverse(next[len]++) >>> (32 - len); // codes are sent MSB first
        for (int i = rev; i < table.length; i += 1 << len) {
          table[i] = sym << 4 | len;
        }
      }
      return new Huffman(table, maxBits);
    }

    private static int countNonZero(int[] lengths, int n) {
      int c = 0;
      for (int i = 0; i < n; i++) {
        c += lengths[i] != 0 ? 1 : 0;
      }
      return c;
    }

    /** The next symbol, or -1 for a bit pattern that is no code, or the end of input. */
    int decode(Bits in) throws IOException {
      int entry = table[in.peek(maxBits)];
      if (entry < 0 || !in.drop(entry & 15)) {
        return -1;
      }
      return entry >>> 4;
    }
  }

  /** LSB-first bit reader (RFC 1951 3.1.1) that counts the bits it has consumed. */
  private static final class Bits {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long bytesBefore; // bytes of input before buf[0]
    private long bitBuf;
    private int bitCount;
    private boolean eof;

    Bits(InputStream in) {
      this.in = in;
    }

    long bitOffset() {
      return (bytesBefore + pos) * 8 - bitCount;
    }

    /** Reads the next buffer of input when the current one is used up; false at the end. */
    private boolean available() throws IOException {
      if (pos < limit) {
        return true;
      }
      if (eof) {
        return false;
      }
      bytesBefore += limit;
      pos = 0;
      limit = Math.max(0, in.read(buf, 0, buf.length));
      eof = limit == 0;
      return !eof;
    }

    private void refill() throws IOException {
      while (bitCount <= 56 && available()) {
        bitBuf |= (buf[pos++] & 0xffL) << bitCount;
        bitCount += 8;
      }
    }

    /** The next n bits (n <= 16) without consuming them; missing bits past the end read 0. */
    int peek(int n) throws IOException {
      if (bitCount < n) {
        refill();
      }
      return (int) (bitBuf & ((1L << n) - 1));
    }

    boolean drop(int n) {
      if (bitCount < n) {
        return false;
      }
      bitBuf >>>= n;
      bitCount -= n;
      return true;
    }

    /** The next n bits (n <= 16) as a number, or -1 if the input ends first. */
    int bits(int n) throws IOException {
      int v = peek(n);
      return drop(n) ? v : -1;
    }

    void alignToByte() {
      drop(bitCount & 7);
    }

    /** Skips n whole bytes (after {@link #alignToByte()}); false if the input ends first. */
    boolean skipBytes(long n) throws IOException {
      long left = n;
      while (left > 0 && bitCount >= 8) {
        drop(8);
        left--;
      }
      while (left > 0) {
        if (!available()) {
          return false;
        }
        int take = (int) Math.min(left, limit - pos);
        pos += take;
        left -= take;
      }
      return true;
    }
  }
}
