package org.dicomdeid.dicom;

import static org.dicomdeid.dicom.DicomParseException.Kind.CORRUPT_DEFLATE;
import static org.dicomdeid.dicom.DicomParseException.Kind.TOO_LARGE;
import static org.dicomdeid.dicom.DicomParseException.Kind.TRUNCATED;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.ZipException;
import org.dicomdeid.dicom.io.ChannelSink;
import org.dicomdeid.dicom.io.FileChannelInput;

/**
 * Buffered input that knows its position and never reads further ahead than its buffer. Numbers are
 * read in the byte order currently set. Not thread-safe.
 */
final class DicomInput {
  static final int BUFFER_SIZE = 64 * 1024;

  private InputStream in;

  /** The file behind {@code in} while read as is (not inflated): bulk values can skip the heap. */
  private FileChannel file;

  private final byte[] buf;
  private int pos;
  private int limit;

  /** Stream offset of buf[0]. */
  private long base;

  private long consumedFromSource;
  private boolean bigEndian;

  DicomInput(InputStream in, int bufferSize) {
    this.in = in;
    this.file = in instanceof FileChannelInput f ? f.channel() : null;
    this.buf = new byte[bufferSize];
  }

  long position() {
    return base + pos;
  }

  /** Bytes taken from the underlying stream so far (including read-ahead in the buffer). */
  long bytesConsumed() {
    return consumedFromSource;
  }

  void bigEndian(boolean bigEndian) {
    this.bigEndian = bigEndian;
  }

  boolean bigEndian() {
    return bigEndian;
  }

  /**
   * Replaces the source from the current position on, e.g. with an inflater over the rest of the
   * stream; {@code wrap} receives the unread bytes first.
   */
  void switchSource(UnaryOperator<InputStream> wrap) {
    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, pos, limit - pos), in);
    in = wrap.apply(rest);
    file = null;
    // Offsets after a switch count decoded bytes; the buffer restarts empty.
    base += pos;
    pos = 0;
    limit = 0;
  }

  /** Ensures n bytes (n <= buffer size) are buffered; returns false on a clean EOF before any. */
  private boolean fill(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    while (limit < n) {
      int r = readSource(buf, limit, buf.length - limit);
      if (r < 0) {
        return false;
      }
      consumedFromSource += r;
      limit += r;
    }
    return true;
  }

  // An inflater (PS3.5 A.5) throws EOFException or ZipException on a truncated or corrupt
  // deflated data set; like every other broken input, that is a DicomParseException.
  private int readSource(byte[] b, int off, int len) throws IOException {
    try {
      return in.read(b, off, len);
    } catch (EOFException | ZipException e) {
      throw new DicomParseException(
          CORRUPT_DEFLATE,
          base + limit,
          "deflated data set is truncated or corrupt: " + e.getMessage(),
          e);
    }
  }

  private long skipSource(long n) throws IOException {
    try {
      return in.skip(n);
    } catch (EOFException | ZipException e) {
      throw new DicomParseException(
          CORRUPT_DEFLATE,
          position(),
          "deflated data set is truncated or corrupt: " + e.getMessage(),
          e);
    }
  }

  /** Reads up to n bytes into the buffer without consuming; returns how many are available. */
  int peek(byte[] dst, int n) throws IOException {
    try {
      fill(n);
    } catch (EOFException e) {
      // fall through with what there is
    }
    int avail = Math.min(n, limit - pos);
    if (avail > 0) {
      System.arraycopy(buf, pos, dst, 0, avail);
    }
    return Math.max(avail, 0);
  }

  /** True when no byte is left. */
  boolean atEnd() throws IOException {
    return !fill(1);
  }

  void require(int n) throws IOException {
    if (!fill(n)) {
      throw new DicomParseException(
          TRUNCATED,
          position(),
          "unexpected end of data: needed " + n + " more bytes, found " + (limit - pos));
    }
  }

  int u16() throws IOException {
    require(2);
    int b0 = buf[pos] & 0xff;
    int b1 = buf[pos + 1] & 0xff;
    pos += 2;
    return bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0;
  }

  /** Two bytes as a big-endian code regardless of byte order (VR codes). */
  int code16() throws IOException {
    require(2);
    int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  long u32() throws IOException {
    require(4);
    long v;
    if (bigEndian) {
      v =
          ((buf[pos] & 0xffL) << 24)
              | ((buf[pos + 1] & 0xffL) << 16)
              | ((buf[pos + 2] & 0xffL) << 8)
              | (buf[pos + 3] & 0xffL);
    } else {
      v =
          ((buf[pos + 3] & 0xffL) << 24)
              | ((buf[pos + 2] & 0xffL) << 16)
              | ((buf[pos + 1] & 0xffL) << 8)
              | (buf[pos] & 0xffL);
    }
    pos += 4;
    return v;
  }

  int tag() throws IOException {
    int g = u16();
    int e = u16();
    return (g << 16) | e;
  }

  /** Reads exactly n bytes, growing the result only as bytes arrive (a lying length can't OOM). */
  byte[] readBytes(long n) throws IOException {
    if (n < 0 || n > Integer.MAX_VALUE - 16) {
      throw new DicomParseException(
          TOO_LARGE, position(), "value of " + n + " bytes is too large to hold");
    }
    int len = (int) n;
    byte[] out = new byte[Math.min(len, 1 << 20)];
    int done = 0;
    while (done < len) {
      if (done == out.length) {
        out = Arrays.copyOf(out, Math.min(len, out.length * 2));
      }
      if (pos == limit && !fill(1)) {
        throw new DicomParseException(
            TRUNCATED,
            position(),
            "unexpected end of data inside a value: "
                + (len - done)
                + " of "
                + len
                + " bytes missing");
      }
      int take = Math.min(out.length - done, limit - pos);
      System.arraycopy(buf, pos, out, done, take);
      pos += take;
      done += take;
    }
    return out;
  }

  /** Copies exactly n bytes to out (or discards them when out is null). */
  void copy(long n, OutputStream out) throws IOException {
    long left = n;
    if (file != null && out instanceof ChannelSink sink && left > 2L * buf.length) {
      left = transfer(n, left, out, sink);
    }
    while (left > 0) {
      if (pos == limit) {
        if (out != null || left < buf.length) {
          if (!fill(1)) {
            throw new DicomParseException(
                TRUNCATED,
                position(),
                "unexpected end of data inside a value: " + left + " of " + n + " bytes missing");
          }
        } else {
          // Skipping a large value: let the source skip without buffering.
          long skipped = skipSource(left - buf.length / 2);
          if (skipped > 0) {
            consumedFromSource += skipped;
            base += skipped;
            left -= skipped;
            continue;
          }
          if (!fill(1)) {
            throw new DicomParseException(
                TRUNCATED,
                position(),
                "unexpected end of data inside a value: " + left + " of " + n + " bytes missing");
          }
        }
      }
      int take = (int) Math.min(left, limit - pos);
      if (out != null) {
        out.write(buf, pos, take);
      }
      pos += take;
      left -= take;
    }
  }

  /**
   * A large value copied unchanged from a file to a {@link ChannelSink}: the buffered bytes first,
   * then the rest file to file in the kernel. Returns what is left to copy (all of it when the sink
   * declined).
   */
  private long transfer(long n, long left, OutputStream out, ChannelSink sink) throws IOException {
    int take = (int) Math.min(left, limit - pos);
    out.write(buf, pos, take);
    pos += take;
    left -= take;
    long at = file.position(); // the file offset of the first byte not yet buffered
    long done = sink.transferFrom(file, at, left);
    if (done < 0) {
      return left;
    }
    file.position(at + done);
    consumedFromSource += done;
    base += done;
    if (done < left) {
      throw new DicomParseException(
          TRUNCATED,
          position(),
          "unexpected end of data inside a value: "
              + (left - done)
              + " of "
              + n
              + " bytes missing");
    }
    return 0;
  }

  void skip(long n) throws IOException {
    copy(n, null);
  }
}
