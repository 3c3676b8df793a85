package org.dicomdeid.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;

/**
 * A data set built in code for the engine tests: elements, sequences of items and encapsulated
 * fragments, written in ascending tag order (PS3.5 7.1) whatever order they were added in.
 */
final class TestDataset {
  private interface Node {
    int tag();

    void write(DicomWriter w) throws IOException;
  }

  static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
  static final String SOP_INSTANCE = "1.2.826.0.1.3680043.8.498.1001";
  static final String STUDY = "1.2.826.0.1.3680043.8.498.1";
  static final String SERIES = "1.2.826.0.1.3680043.8.498.2";

  private final List<Node> nodes = new ArrayList<>();
  private String sopInstance = SOP_INSTANCE;

  /** A CT image header: the SOP, study and series UIDs and the modality. */
  static TestDataset ct() {
    return new TestDataset()
        .put("SOPClassUID", CT_IMAGE)
        .put("Modality", "CT")
        .put("StudyInstanceUID", STUDY)
        .put("SeriesInstanceUID", SERIES)
        .sopInstance(SOP_INSTANCE);
  }

  /** Sets SOPInstanceUID and the file meta's MediaStorageSOPInstanceUID. */
  TestDataset sopInstance(String uid) {
    nodes.removeIf(n -> n.tag() == Tags.SOPInstanceUID);
    sopInstance = uid;
    return put("SOPInstanceUID", uid);
  }

  /** A Part 10 file in Explicit VR Little Endian. */
  byte[] file() {
    return file(TransferSyntax.EXPLICIT_LE);
  }

  byte[] file(TransferSyntax ts) {
    return file(ts, CT_IMAGE, sopInstance);
  }

  static int tag(String keyword) {
    int t = ElementDictionary.tagOf(keyword);
    if (t == -1) {
      throw new IllegalArgumentException("no such keyword " + keyword);
    }
    return t;
  }

  /** A string element by keyword, with the dictionary's VR. */
  TestDataset put(String keyword, String value) {
    int t = tag(keyword);
    return put(t, ElementDictionary.vrOf(t), value);
  }

  TestDataset put(int tag, VR vr, String value) {
    return put(tag, vr, Values.ascii(value, vr));
  }

  TestDataset put(int tag, VR vr, byte[] value) {
    nodes.add(
        new Node() {
          public int tag() {
            return tag;
          }

          public void write(DicomWriter w) throws IOException {
            w.writeElement(tag, vr, value);
          }
        });
    return this;
  }

  TestDataset seq(String keyword, TestDataset... items) {
    return seq(tag(keyword), items);
  }

  TestDataset seq(int tag, TestDataset... items) {
    nodes.add(
        new Node() {
          public int tag() {
            return tag;
          }

          public void write(DicomWriter w) throws IOException {
            w.startSequence(tag);
            for (TestDataset item : items) {
              w.startItem();
              item.writeTo(w);
              w.endItem();
            }
            w.endSequence();
          }
        });
    return this;
  }

  /** Encapsulated data (PS3.5 A.4): an undefined-length OB whose items are the fragments. */
  TestDataset fragments(int tag, byte[]... fragments) {
    nodes.add(
        new Node() {
          public int tag() {
            return tag;
          }

          public void write(DicomWriter w) throws IOException {
            w.startFragments(tag, VR.OB);
            for (byte[] f : fragments) {
              OutputStream o = w.startFragment(f.length);
              o.write(f);
              w.endValue();
            }
            w.endFragments();
          }
        });
    return this;
  }

  void writeTo(DicomWriter w) throws IOException {
    List<Node> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparingLong(n -> n.tag() & 0xffffffffL));
    for (Node n : sorted) {
      n.write(w);
    }
  }

  /** The data set alone, without preamble or file meta (PS3.10 7.1 not applied). */
  byte[] bare(TransferSyntax ts) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DicomWriter w = new DicomWriter(bytes);
      w.startDataSet(ts);
      writeTo(w);
      w.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Part 10 file; the file meta names the given SOP class and instance. */
  byte[] file(TransferSyntax ts, String sopClass, String sopInstance) {
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, sopClass);
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, sopInstance);
    return file(ts, meta);
  }

  byte[] file(TransferSyntax ts, FileMeta meta) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DicomWriter w = new DicomWriter(bytes);
      w.writeFileMeta(meta, ts);
      writeTo(w);
      w.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
