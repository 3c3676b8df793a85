package org.dicomdeid.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dicomdeid.dicom.ByteSearch;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;

/** Small explicit VR little endian CT images written in code, for breaking on purpose. */
final class TestImages {
  static final String CT = "1.2.840.10008.5.1.4.1.1.2";
  static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
  static final int REFERENCED_IMAGE_SEQUENCE = 0x00081140;
  static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
  static final int ROWS = 0x00280010;
  static final int COLUMNS = 0x00280011;
  private static final String ROOT = "1.2.826.0.1.3680043.9999.77.";

  private TestImages() {}

  /** What goes between Modality and PatientName (tags 0008,0061 to 0010,000F). */
  interface Middle {
    void write(DicomWriter w) throws IOException;
  }

  /** A CT image of patient {@code mrn}; {@code depth} nested items, pixel bytes as given. */
  static byte[] image(String mrn, int n, int rows, int columns, byte[] pixels, Middle middle)
      throws IOException {
    String sop = ROOT + n + ".3";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter w = new DicomWriter(out);
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, CT);
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, sop);
    w.writeFileMeta(meta, TransferSyntax.EXPLICIT_LE);
    w.writeElement(Tags.SOPClassUID, VR.UI, uid(CT));
    w.writeElement(Tags.SOPInstanceUID, VR.UI, uid(sop));
    w.writeElement(Tags.StudyDate, VR.DA, text("20200102"));
    w.writeElement(Tags.Modality, VR.CS, text("CT"));
    middle.write(w);
    w.writeElement(Tags.PatientName, VR.PN, text("DOE" + mrn + "^JANE"));
    w.writeElement(Tags.PatientID, VR.LO, text(mrn));
    w.writeElement(Tags.StudyInstanceUID, VR.UI, uid(ROOT + n + ".1"));
    w.writeElement(Tags.SeriesInstanceUID, VR.UI, uid(ROOT + n + ".2"));
    w.writeElement(0x00280002, VR.US, us(1));
    w.writeElement(0x00280004, VR.CS, text("MONOCHROME2"));
    w.writeElement(ROWS, VR.US, us(rows));
    w.writeElement(COLUMNS, VR.US, us(columns));
    w.writeElement(0x00280100, VR.US, us(16));
    w.writeElement(0x00280101, VR.US, us(16));
    w.writeElement(0x00280102, VR.US, us(15));
    w.writeElement(0x00280103, VR.US, us(0));
    w.writeElement(Tags.PixelData, VR.OW, pixels);
    w.finish();
    return out.toByteArray();
  }

  static byte[] image(String mrn, int n, Middle middle) throws IOException {
    return image(mrn, n, 4, 4, pixels(32), middle);
  }

  /**
   * {@code depth} sequences, each in the one item of its parent, after which each item has its
   * Referenced SOP Class UID (0008,1150 sorts after the sequence, 0008,1140: PS3.5 7.1).
   */
  static Middle nested(int depth) {
    return w -> {
      for (int i = 0; i < depth; i++) {
        w.startSequence(REFERENCED_IMAGE_SEQUENCE);
        w.startItem();
      }
      for (int i = 0; i < depth; i++) {
        w.writeElement(0x00081150, VR.UI, uid(CT));
        w.endItem();
        w.endSequence();
      }
    };
  }

  /** A DICOMDIR: file meta of a Media Storage Directory and one directory record. */
  static byte[] dicomdir() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter w = new DicomWriter(out);
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, MEDIA_STORAGE_DIRECTORY);
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, ROOT + "999");
    w.writeFileMeta(meta, TransferSyntax.EXPLICIT_LE);
    w.writeElement(0x00041130, VR.CS, text("EXPORT"));
    w.startSequence(0x00041220);
    w.startItem();
    w.writeElement(0x00041430, VR.CS, text("PATIENT"));
    w.writeElement(Tags.PatientID, VR.LO, text("KU77777"));
    w.endItem();
    w.endSequence();
    w.finish();
    return out.toByteArray();
  }

  static byte[] pixels(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + 3);
    }
    return b;
  }

  /** Offset of the first occurrence of {@code needle}, else an AssertionError. */
  static int indexOf(byte[] hay, byte[] needle) {
    int i = ByteSearch.indexOf(hay, needle);
    if (i < 0) {
      throw new AssertionError("not found");
    }
    return i;
  }

  /** The 6 bytes that start an explicit VR element: tag (LE) and VR. */
  static byte[] elementStart(int tag, String vr) {
    return new byte[] {
      (byte) (tag >> 16),
      (byte) (tag >> 24),
      (byte) tag,
      (byte) (tag >> 8),
      (byte) vr.charAt(0),
      (byte) vr.charAt(1)
    };
  }

  static byte[] text(String s) {
    String even = s.length() % 2 == 0 ? s : s + " ";
    return even.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] uid(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return b.length % 2 == 0 ? b : Arrays.copyOf(b, b.length + 1);
  }

  static byte[] us(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8)};
  }
}
