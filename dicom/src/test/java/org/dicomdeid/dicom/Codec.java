package org.dicomdeid.dicom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: write a data set in code, read it back as a list of readable events. */
public final class Codec {
  private Codec() {}

  /** Writes the body of a data set. */
  public interface Body {
    void write(DicomWriter w) throws IOException;
  }

  /** A Part 10 file (PS3.10 7.1) of the data set written by {@code body} in {@code ts}. */
  public static byte[] part10(TransferSyntax ts, Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter w = new DicomWriter(out);
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, "1.2.3.4.5");
    w.writeFileMeta(meta, ts);
    body.write(w);
    w.finish();
    return out.toByteArray();
  }

  /** A bare data set (no preamble or meta) in {@code ts}. */
  static byte[] bare(TransferSyntax ts, Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter w = new DicomWriter(out);
    w.startDataSet(ts);
    body.write(w);
    w.finish();
    return out.toByteArray();
  }

  static DicomReader open(byte[] bytes) throws IOException {
    return DicomReader.open(new ByteArrayInputStream(bytes), bytes.length);
  }

  /**
   * Every event of the data set as "depth EVENT (gggg,eeee) VR hex", values in the byte order of
   * the encoding; sequence starts show no VR so that UN and SQ compare equal.
   */
  static List<String> events(byte[] bytes) throws IOException {
    List<String> out = new ArrayList<>();
    try (DicomReader r = open(bytes)) {
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        String s = r.depth() + " " + e + " " + Tags.toString(r.tag());
        if (e == DicomReader.Event.ELEMENT) {
          s += " " + r.vr() + " " + HexFormat.of().formatHex(r.readValue());
        } else if (e == DicomReader.Event.FRAGMENT) {
          s += " " + HexFormat.of().formatHex(r.readValue());
        }
        out.add(s);
      }
    }
    return out;
  }

  /** Reads every event and value of the input; throws what the reader throws. */
  static int readAll(DicomReader r) throws IOException {
    int n = 0;
    for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
      if (e == DicomReader.Event.ELEMENT || e == DicomReader.Event.FRAGMENT) {
        r.readValue();
      }
      n++;
    }
    return n;
  }

  static byte[] le16(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8)};
  }

  static byte[] le32(long v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }
}
