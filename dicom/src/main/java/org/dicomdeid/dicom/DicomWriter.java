package org.dicomdeid.dicom;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A streaming writer of DICOM Part 10 files (PS3.10 7.1) and data sets (PS3.5 7). Sequences and
 * items are always written with undefined length (PS3.5 7.5.1), so nothing has to be measured
 * before it is written; odd values are padded to even length with the VR's padding byte.
 */
public final class DicomWriter implements Closeable {
  /** This tool's Implementation Class UID (a UUID-derived 2.25 UID, PS3.5 B.2). */
  public static final String IMPLEMENTATION_CLASS_UID =
      "2.25.279616776520008049634193472563601811855";

  /** Implementation Version Name (SH, at most 16 characters). */
  public static final String IMPLEMENTATION_VERSION_NAME = "DICOMDEID_010";

  private static final long UNDEFINED = 0xFFFFFFFFL;

  private final OutputStream raw;
  private OutputStream out;
  private DeflaterOutputStream deflater;
  private boolean explicitVr = true;
  private boolean bigEndian;
  private final byte[] scratch = new byte[12];
  private long pendingPad = -1;
  private int pendingPadByte;

  public DicomWriter(OutputStream out) {
    this.raw = out;
    this.out = out;
  }

  /**
   * Writes a fresh 128-byte preamble, "DICM" and the file meta group: group length, version, Media
   * Storage SOP Class/Instance UIDs and Transfer Syntax UID taken from {@code meta}, this tool's
   * implementation UID and version name, then any other (0002,xxxx) elements of meta. The data set
   * that follows is written in {@code ts}.
   */
  public void writeFileMeta(FileMeta meta, TransferSyntax ts) throws IOException {
    writeFileMetaGroup(meta, ts);
    startDataSet(ts);
  }

  /**
   * The preamble, "DICM" and file meta group of {@link #writeFileMeta}, for a caller that encodes
   * the data set itself; the writer is left in Explicit VR Little Endian.
   */
  public void writeFileMetaGroup(FileMeta meta, TransferSyntax ts) throws IOException {
    out.write(new byte[128]);
    out.write(new byte[] {'D', 'I', 'C', 'M'});
    List<DicomElement> elems = new ArrayList<>();
    elems.add(new DicomElement(Tags.FileMetaInformationVersion, VR.OB, new byte[] {0, 1}));
    for (DicomElement e : meta.elements()) {
      int t = e.tag();
      if (t != Tags.FileMetaInformationGroupLength
          && t != Tags.FileMetaInformationVersion
          && t != Tags.TransferSyntaxUID
          && t != Tags.ImplementationClassUID
          && t != Tags.ImplementationVersionName
          && Tags.group(t) == 2) {
        elems.add(e);
      }
    }
    elems.add(new DicomElement(Tags.TransferSyntaxUID, VR.UI, Values.ascii(ts.uid(), VR.UI)));
    elems.add(
        new DicomElement(
            Tags.ImplementationClassUID, VR.UI, Values.ascii(IMPLEMENTATION_CLASS_UID, VR.UI)));
    elems.add(
        new DicomElement(
            Tags.ImplementationVersionName,
            VR.SH,
            Values.ascii(IMPLEMENTATION_VERSION_NAME, VR.SH)));
    elems.sort(Comparator.comparingLong(e -> e.tag() & 0xffffffffL));
    ByteArrayOutputStream group = new ByteArrayOutputStream();
    OutputStream saved = out;
    out = group;
    explicitVr = true;
    bigEndian = false;
    for (DicomElement e : elems) {
      writeElement(e.tag(), e.vr(), e.value());
    }
    out = saved;
    writeElement(Tags.FileMetaInformationGroupLength, VR.UL, u32le(group.size()));
    group.writeTo(out);
  }

  /** Starts the data set in the given encoding (after the meta group, or alone for a bare set). */
  public void startDataSet(TransferSyntax ts) {
    explicitVr = ts.explicitVr();
    bigEndian = ts.bigEndian();
    if (ts.deflated()) {
      // PS3.5 A.5: raw deflate (RFC 1951) of everything after the meta group. The fastest
      // level: the rewrite is bound by compression time, and size matters less here.
      deflater =
          new DeflaterOutputStream(
              new NonClosing(raw), new Deflater(Deflater.BEST_SPEED, true), 64 * 1024);
      out = deflater;
    }
  }

  private static byte[] u32le(long v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }

  /** Writes an element whose value is held whole, padding an odd value to even length. */
  public void writeElement(int tag, VR vr, byte[] value) throws IOException {
    byte[] v = Values.pad(value, vr);
    header(tag, vr, v.length);
    out.write(v);
  }

  /**
   * Writes the header of an element whose {@code length} value bytes the caller then writes to
   * {@link #valueStream()}, followed by {@link #endValue()}.
   */
  public OutputStream startValue(int tag, VR vr, long length) throws IOException {
    long even = length + (length & 1);
    header(tag, vr, even);
    pendingPad = length;
    pendingPadByte = vr.padding();
    return out;
  }

  /** The stream value bytes go to between startValue/startFragment and endValue. */
  public OutputStream valueStream() {
    return out;
  }

  public void endValue() throws IOException {
    if (pendingPad >= 0 && (pendingPad & 1) == 1) {
      out.write(pendingPadByte);
    }
    pendingPad = -1;
  }

  public void startSequence(int tag) throws IOException {
    header(tag, VR.SQ, UNDEFINED);
  }

  public void startItem() throws IOException {
    itemTag(Tags.Item, UNDEFINED);
  }

  public void endItem() throws IOException {
    itemTag(Tags.ItemDelimitationItem, 0);
  }

  public void endSequence() throws IOException {
    itemTag(Tags.SequenceDelimitationItem, 0);
  }

  /** Encapsulated Pixel Data, PS3.5 A.4: an undefined-length OB whose items are fragments. */
  public void startFragments(int tag, VR vr) throws IOException {
    header(tag, vr == VR.OW ? VR.OW : VR.OB, UNDEFINED);
  }

  /** Starts one fragment of {@code length} bytes; write them, then call {@link #endValue()}. */
  public OutputStream startFragment(long length) throws IOException {
    itemTag(Tags.Item, length + (length & 1));
    pendingPad = length;
    pendingPadByte = 0;
    return out;
  }

  public void endFragments() throws IOException {
    endSequence();
  }

  private void itemTag(int tag, long length) throws IOException {
    put16(0, tag >>> 16);
    put16(2, tag & 0xffff);
    put32(4, length);
    out.write(scratch, 0, 8);
  }

  private void header(int tag, VR vr, long length) throws IOException {
    put16(0, tag >>> 16);
    put16(2, tag & 0xffff);
    if (!explicitVr) {
      put32(4, length);
      out.write(scratch, 0, 8);
      return;
    }
    VR w = vr;
    if (!w.longHeader() && length > 0xffff) {
      w = VR.UN; // a value too long for a 16-bit length can only be written as UN
    }
    scratch[4] = (byte) (w.code() >> 8);
    scratch[5] = (byte) w.code();
    if (w.longHeader()) {
      scratch[6] = 0;
      scratch[7] = 0;
      put32(8, length);
      out.write(scratch, 0, 12);
    } else {
      put16(6, (int) length);
      out.write(scratch, 0, 8);
    }
  }

  private void put16(int at, int v) {
    if (bigEndian) {
      scratch[at] = (byte) (v >> 8);
      scratch[at + 1] = (byte) v;
    } else {
      scratch[at] = (byte) v;
      scratch[at + 1] = (byte) (v >> 8);
    }
  }

  private void put32(int at, long v) {
    if (bigEndian) {
      put16(at, (int) (v >>> 16) & 0xffff);
      put16(at + 2, (int) v & 0xffff);
    } else {
      put16(at, (int) v & 0xffff);
      put16(at + 2, (int) (v >>> 16) & 0xffff);
    }
  }

  /** Finishes the deflate stream if any and flushes; does not close the underlying stream. */
  public void finish() throws IOException {
    if (deflater != null) {
      deflater.finish();
    }
    raw.flush();
  }

  @Override
  public void close() throws IOException {
    finish();
    raw.close();
  }

  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
