package org.dicomdeid.dicom.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.dicomdeid.dicom.DicomCopy;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TestPixels;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.junit.jupiter.api.Test;

/**
 * The two encoders give the same file: spliced, a deflated data set inflates to what deflating it
 * whole gives; any other data set is encoded whole by both, byte for byte.
 */
class DataSetEncoderTest {
  private static final byte[] NAME = Values.ascii("SUBJ0001_20220921", VR.PN);

  private static byte[] file(TransferSyntax ts) throws IOException {
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, "1.2.3.4");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DicomWriter w = new DicomWriter(bytes);
    w.writeFileMeta(meta, ts);
    w.writeElement(Tags.PatientName, VR.PN, Values.ascii("DOE^JANE", VR.PN));
    w.writeElement(Tags.PixelData, VR.OW, TestPixels.ctLike(400_000, 5));
    w.finish();
    return bytes.toByteArray();
  }

  /** Replaces PatientName and copies the rest, marking Pixel Data as unchanged. */
  private static void rename(DicomReader r, DicomWriter w, DataSetPass.UnchangedMark mark)
      throws IOException {
    for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
      if (e == DicomReader.Event.ELEMENT && r.tag() == Tags.PatientName) {
        r.skipValue();
        w.writeElement(Tags.PatientName, VR.PN, NAME);
        continue;
      }
      if (e == DicomReader.Event.ELEMENT && r.depth() == 0 && Tags.isPixelData(r.tag())) {
        mark.unchangedFrom(r, r.offset());
      }
      DicomCopy.copyEvent(r, w, e);
    }
  }

  private static DataSetEncoder.Encoded encode(
      DataSetEncoder encoder, byte[] input, ByteArrayOutputStream out) throws IOException {
    FileMeta meta = DicomReader.open(new ByteArrayInputStream(input), input.length).fileMeta();
    return encoder.encode(
        () -> new ByteArrayInputStream(input), input.length, out, meta, DataSetEncoderTest::rename);
  }

  private static byte[] inflatedDataSet(byte[] file) throws IOException {
    int at = (int) DicomReader.open(new ByteArrayInputStream(file), file.length).dataSetOffset();
    return new InflaterInputStream(
            new ByteArrayInputStream(file, at, file.length - at), new Inflater(true))
        .readAllBytes();
  }

  @Test
  void aDeflatedDataSetIsSplicedToWhatDeflatingItWholeGives() throws IOException {
    byte[] input = file(TransferSyntax.DEFLATED_LE);
    ByteArrayOutputStream spliced = new ByteArrayOutputStream();
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    assertTrue(encode(DataSetEncoder.splicing(), input, spliced).spliced());
    assertFalse(encode(DataSetEncoder.whole(), input, whole).spliced());
    byte[] a = spliced.toByteArray();
    byte[] b = whole.toByteArray();
    int meta = (int) DicomReader.open(new ByteArrayInputStream(b), b.length).dataSetOffset();
    assertArrayEquals(Arrays.copyOf(b, meta), Arrays.copyOf(a, meta), "preamble and file meta");
    assertArrayEquals(inflatedDataSet(b), inflatedDataSet(a));
  }

  @Test
  void anyOtherDataSetIsEncodedWholeByBoth() throws IOException {
    for (TransferSyntax ts :
        new TransferSyntax[] {
          TransferSyntax.EXPLICIT_LE, TransferSyntax.IMPLICIT_LE, TransferSyntax.EXPLICIT_BE
        }) {
      byte[] input = file(ts);
      ByteArrayOutputStream spliced = new ByteArrayOutputStream();
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      assertFalse(encode(DataSetEncoder.splicing(), input, spliced).spliced(), ts.uid());
      assertFalse(encode(DataSetEncoder.whole(), input, whole).spliced(), ts.uid());
      assertArrayEquals(whole.toByteArray(), spliced.toByteArray(), ts.uid());
    }
  }
}
