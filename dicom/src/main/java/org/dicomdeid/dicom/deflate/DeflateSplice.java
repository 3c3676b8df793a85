package org.dicomdeid.dicom.deflate;

import static org.dicomdeid.dicom.DicomParseException.Kind.INPUT_CHANGED;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.io.BulkInputStream;
import org.dicomdeid.dicom.io.InputOpener;

/**
 * Rewrites a deflated data set (PS3.5 A.5) by compressing again only the part that changed.
 *
 * <p>A deflated data set is one raw deflate stream (RFC 1951) with the header at its start, so a
 * changed header would mean deflating the whole file again, Pixel Data included. But a deflate
 * block decodes the same wherever it is placed, as long as the 32 KiB before it (the window its
 * back references reach into, RFC 1951 3.2) are the same bytes. So when everything from Pixel Data
 * on is written unchanged, the output is: the new header plus the first stretch of Pixel Data
 * deflated anew, up to a block of the input that starts at least 32 KiB into Pixel Data, closed
 * with a sync flush (an empty stored block, so the stream is byte aligned), then the input's
 * compressed bits from that block on, shifted to the byte boundary.
 *
 * <p>Use: open the reader with {@link #tap}, write the rewritten data set uncompressed to {@link
 * #dataSet()}, call {@link #markUnchangedFrom} just before writing Pixel Data (it reads the start
 * of the input again to find the block to splice at), then {@link #writeTo}. The claim "unchanged"
 * is never trusted: every byte written after the mark is compared with the byte read at the same
 * place, and any difference, or anything this class does not handle, makes {@link #writeTo} return
 * false, so that the caller encodes the whole data set.
 */
public final class DeflateSplice implements Closeable {
  /** RFC 1951: a back reference reaches at most 32768 bytes back. */
  static final int WINDOW = 32 * 1024;

  /** The rewritten data set before the mark is held in memory up to this size. */
  static final int HEAD_LIMIT = 8 << 20;

  /** How far past the mark a block boundary may be; what lies before it is deflated again. */
  static final int REENCODE_LIMIT = 1 << 20;

  /** How far reading may run ahead of writing (DicomInput reads ahead one 64 KiB buffer). */
  private static final int RING = 256 * 1024;

  private final InputOpener source;
  private final Tap tap = new Tap();
  private final Recorder recorder = new Recorder();
  private long oldMark = -1;
  private long newMark = -1;

  /** The input's compressed data set, as far as the block scan read it. */
  private Recording compressed;

  private DeflateBlocks.Boundary spliceAt;
  private String refusal;

  /** For one input, which {@code source} opens again when the splice point is looked for. */
  public DeflateSplice(InputOpener source) {
    this.source = source;
  }

  /** Wraps the inflated stream of the input: pass it to {@link DicomReader#open}. */
  public InputStream tap(InputStream inflated) {
    tap.in = inflated;
    tap.ring = new byte[RING];
    return tap;
  }

  /** Where the rewritten data set goes, uncompressed, in Explicit VR Little Endian. */
  public OutputStream dataSet() {
    return recorder;
  }

  /**
   * Everything from the element at {@code readerOffset} (the reader's {@link DicomReader#offset()})
   * to the end is about to be written unchanged. Only the first call counts. Finds the block of the
   * input to splice at: the first that starts {@link #WINDOW} bytes or more after the mark.
   */
  public void markUnchangedFrom(DicomReader r, long readerOffset) throws IOException {
    if (oldMark >= 0) {
      return;
    }
    oldMark = readerOffset - r.dataSetOffset();
    newMark = recorder.pos;
    InputStream in = source.open();
    compressed = new Recording(in);
    skipFully(in, r.dataSetOffset());
    spliceAt = DeflateBlocks.firstBlockFrom(compressed, oldMark + WINDOW, oldMark + REENCODE_LIMIT);
    if (spliceAt == null) {
      recorder.failed = "no deflate block starts between 32 KiB and 1 MiB into Pixel Data";
    }
  }

  /** Why the last {@link #writeTo} declined, for tests and diagnostics; null if it did not. */
  public String refusal() {
    return refusal;
  }

  /**
   * After the whole data set of {@code r} was read and written to {@link #dataSet()}: writes the
   * file to out (the meta group for {@code meta} and {@code ts}, then the spliced deflate stream)
   * and returns true; or, if the splice does not apply, writes nothing and returns false.
   */
  public boolean writeTo(OutputStream out, FileMeta meta, TransferSyntax ts, DicomReader r)
      throws IOException {
    refusal = check(r);
    if (refusal != null) {
      return false;
    }
    DicomWriter w = new DicomWriter(out);
    w.writeFileMetaGroup(meta, ts);
    deflateHead(out, (int) (newMark + spliceAt.uncompressedOffset() - oldMark));
    long from = spliceAt.bitOffset() >>> 3;
    copyBits(
        compressed.replayFrom(from),
        r.deflatedLength() - from,
        (int) (spliceAt.bitOffset() & 7),
        out);
    return true;
  }

  /** Closes the second stream over the input, if one was opened. */
  @Override
  public void close() throws IOException {
    if (compressed != null) {
      compressed.close();
    }
  }

  private String check(DicomReader r) {
    if (recorder.failed != null) {
      return recorder.failed;
    }
    if (oldMark < 0) {
      return "no Pixel Data at the top level";
    }
    if (!tap.ended || r.deflatedLength() < 0) {
      return "the deflate stream was not read to its end";
    }
    if (recorder.pos - newMark != tap.pos - oldMark) {
      return "the data after Pixel Data changed length";
    }
    if (spliceAt.uncompressedOffset() > tap.pos || spliceAt.bitOffset() > r.deflatedLength() * 8) {
      return "the splice point is past the end of the data set";
    }
    return null;
  }

  /** The rewritten bytes before the splice point, deflated and closed with a sync flush. */
  private void deflateHead(OutputStream out, int length) throws IOException {
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    try {
      byte[] buf = new byte[64 * 1024];
      d.setInput(recorder.head, 0, length);
      while (!d.needsInput()) {
        out.write(buf, 0, d.deflate(buf, 0, buf.length, Deflater.NO_FLUSH));
      }
      int n;
      do {
        n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
    } finally {
      d.end();
    }
  }

  /**
   * Copies {@code bytes} bytes of a bit stream that starts {@code shift} bits into the first byte,
   * moved down to start on a byte: output byte i is input byte i shifted right, with the low bits
   * of byte i + 1 above it (LSB-first bit order, RFC 1951 3.1.1). Eight bytes at a time.
   */
  private static void copyBits(InputStream in, long bytes, int shift, OutputStream out)
      throws IOException {
    byte[] buf = new byte[64 * 1024 + 8];
    if (shift == 0) {
      for (long left = bytes; left > 0; ) {
        int n = readSome(in, buf, 0, (int) Math.min(left, buf.length));
        out.write(buf, 0, n);
        left -= n;
      }
      return;
    }
    long[] words = new long[buf.length / 8];
    LongBuffer view = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    byte[] shifted = new byte[buf.length];
    LongBuffer shiftedView = ByteBuffer.wrap(shifted).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    int have = 0; // bytes in buf not yet written (the last one waits for the byte after it)
    long left = bytes;
    while (left > 0) {
      int n = readSome(in, buf, have, (int) Math.min(left, buf.length - have));
      left -= n;
      have += n;
      int words8 = (have - 1) / 8; // output words whose next byte is here
      view.get(0, words, 0, Math.min(words.length, (have + 7) / 8));
      for (int i = 0; i < words8; i++) { // words[i + 1] is loaded: (have + 7) / 8 > words8
        words[i] = (words[i] >>> shift) | (words[i + 1] << (64 - shift));
      }
      shiftedView.put(0, words, 0, words8);
      int done = words8 * 8;
      for (int i = done; i < have - 1; i++) {
        shifted[i] = (byte) (((buf[i] & 0xff) >>> shift) | (buf[i + 1] << (8 - shift)));
      }
      done = Math.max(done, have - 1);
      out.write(shifted, 0, done);
      System.arraycopy(buf, done, buf, 0, have - done);
      have -= done;
    }
    if (have == 1) {
      out.write((buf[0] & 0xff) >>> shift); // the last bits, padded with zeros to the byte
    }
  }

  private static int readSome(InputStream in, byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      throw new DicomParseException(
          INPUT_CHANGED, -1, "the deflated data set ended while it was copied");
    }
    return n;
  }

  private static void skipFully(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new DicomParseException(
              INPUT_CHANGED, -1, "the input changed while it was rewritten");
        }
        s = 1;
      }
      left -= s;
    }
  }

  /** The inflated input as the reader takes it, with its last {@link #RING} bytes kept. */
  private static final class Tap extends BulkInputStream {
    private InputStream in;
    private byte[] ring; // allocated with the stream: most inputs are not deflated
    long pos;
    boolean ended;

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0) {
        ended = true;
        return n;
      }
      for (int done = 0; done < n; ) {
        int at = (int) ((pos + done) % RING);
        int take = Math.min(n - done, RING - at);
        System.arraycopy(b, off + done, ring, at, take);
        done += take;
      }
      pos += n;
      return n;
    }

    /** Whether bytes b[off, off+len) equal the input's bytes from offset {@code at}. */
    boolean matches(long at, byte[] b, int off, int len) {
      if (at < pos - RING || at + len > pos) {
        return false; // no longer (or not yet) kept: cannot be checked, so no match
      }
      for (int done = 0; done < len; ) {
        int r = (int) ((at + done) % RING);
        int take = Math.min(len - done, RING - r);
        if (Arrays.mismatch(ring, r, r + take, b, off + done, off + done + take) >= 0) {
          return false;
        }
        done += take;
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * The rewritten data set: kept whole up to the splice point (what is deflated anew); from the
   * mark on, checked byte for byte against the input.
   */
  private final class Recorder extends OutputStream {
    byte[] head = new byte[0];
    int headLength;
    long pos;
    String failed;

    int kept() {
      return headLength;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (failed == null) {
        if (newMark >= 0 && !tap.matches(oldMark + pos - newMark, b, off, len)) {
          failed = "the data after Pixel Data was not copied unchanged";
        } else {
          long limit =
              newMark < 0
                  ? HEAD_LIMIT
                  : newMark + spliceAt.uncompressedOffset() - oldMark; // what deflateHead needs
          int keep = (int) Math.max(0, Math.min(len, limit - pos));
          if (newMark < 0 && keep < len) {
            failed = "the header is larger than " + (HEAD_LIMIT >> 20) + " MiB";
          } else if (keep > 0) {
            if (headLength + keep > head.length) {
              head = Arrays.copyOf(head, Math.max(headLength + keep, head.length * 2 + 8192));
            }
            System.arraycopy(b, off, head, headLength, keep);
            headLength += keep;
          }
        }
      }
      pos += len;
    }
  }

  /**
   * The compressed input from the data set on, with what was read of it kept, so that the bits
   * after a block boundary the scan went past can still be copied.
   */
  private static final class Recording extends BulkInputStream {
    private final InputStream in;
    private byte[] kept = new byte[64 * 1024];
    private int keptLength;

    Recording(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        if (keptLength + n > kept.length) {
          kept = Arrays.copyOf(kept, Math.max(keptLength + n, kept.length * 2));
        }
        System.arraycopy(b, off, kept, keptLength, n);
        keptLength += n;
      }
      return n;
    }

    /** The stream from byte {@code at} of the data set on (bytes read so far are replayed). */
    InputStream replayFrom(long at) {
      return new SequenceInputStream(
          new ByteArrayInputStream(kept, (int) at, keptLength - (int) at), in);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
