package org.dicomdeid.dicom.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.dicomdeid.dicom.DicomCopy;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.junit.jupiter.api.Test;

/**
 * DeflateSplice never trusts the caller's word that the data after the mark is unchanged: a copy
 * loop that alters one byte of Pixel Data, keeping every length, is refused.
 */
class DeflateSpliceCheckTest {

  private static byte[] deflatedFile(byte[] pixels) throws IOException {
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, "1.2.3.4");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DicomWriter w = new DicomWriter(bytes);
    w.writeFileMeta(meta, TransferSyntax.DEFLATED_LE);
    w.writeElement(Tags.PatientName, VR.PN, Values.ascii("DOE^JANE", VR.PN));
    w.writeElement(Tags.PixelData, VR.OW, pixels);
    w.finish();
    return bytes.toByteArray();
  }

  /** Copies the data set through a splice, changing pixel byte {@code flip} (-1: none). */
  private static DeflateSplice copy(byte[] file, int flip, ByteArrayOutputStream out)
      throws IOException {
    DeflateSplice splice = new DeflateSplice(() -> new ByteArrayInputStream(file));
    DicomReader r = DicomReader.open(new ByteArrayInputStream(file), file.length, splice::tap);
    DicomWriter w = new DicomWriter(splice.dataSet());
    w.startDataSet(TransferSyntax.EXPLICIT_LE);
    for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
      if (r.tag() == Tags.PatientName) {
        r.skipValue();
        w.writeElement(Tags.PatientName, VR.PN, Values.ascii("SUBJ0001_20220921", VR.PN));
      } else if (r.tag() == Tags.PixelData) {
        splice.markUnchangedFrom(r, r.offset());
        OutputStream value = w.startValue(Tags.PixelData, VR.OW, r.length());
        r.copyValue(
            new FilterOutputStream(value) { // streamed, as the engine does
              long at;

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                byte[] c = Arrays.copyOfRange(b, off, off + len);
                if (flip >= at && flip < at + len) {
                  c[(int) (flip - at)] ^= 1;
                }
                at += len;
                out.write(c, 0, len);
              }
            });
        w.endValue();
      } else {
        DicomCopy.copyEvent(r, w, e);
      }
    }
    FileMeta meta = r.fileMeta();
    splice.writeTo(out, meta, r.transferSyntax(), r);
    return splice;
  }

  private static byte[] pixels() {
    byte[] p = new byte[400_000];
    Random rnd = new Random(8);
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (rnd.nextInt(16) + (i >> 12));
    }
    return p;
  }

  @Test
  void anUnchangedCopyIsSplicedAndInflatesToTheRewrittenDataSet() throws IOException {
    byte[] pixels = pixels();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DeflateSplice s = copy(deflatedFile(pixels), -1, out);
    assertNull(s.refusal());
    byte[] file = out.toByteArray();
    DicomReader r = DicomReader.open(new ByteArrayInputStream(file), file.length);
    assertEquals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, r.transferSyntax().uid());
    int at = (int) r.dataSetOffset();
    byte[] data =
        new InflaterInputStream(
                new ByteArrayInputStream(file, at, file.length - at), new Inflater(true))
            .readAllBytes();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DicomWriter w = new DicomWriter(expected);
    w.startDataSet(TransferSyntax.EXPLICIT_LE);
    w.writeElement(Tags.PatientName, VR.PN, Values.ascii("SUBJ0001_20220921", VR.PN));
    w.writeElement(Tags.PixelData, VR.OW, pixels);
    assertArrayEquals(expected.toByteArray(), data);
  }

  @Test
  void oneChangedPixelByteOfTheSameLengthIsRefused() throws IOException {
    byte[] file = deflatedFile(pixels());
    for (int flip : new int[] {0, 1000, 100_000, 399_999}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DeflateSplice s = copy(file, flip, out);
      assertEquals(
          "the data after Pixel Data was not copied unchanged", s.refusal(), "flip at " + flip);
      assertEquals(0, out.size(), "nothing is written when the splice is refused");
    }
  }

  @Test
  void withoutAMarkThereIsNoSplice() throws IOException {
    byte[] file = deflatedFile(pixels());
    DeflateSplice splice = new DeflateSplice(() -> new ByteArrayInputStream(file));
    DicomReader r = DicomReader.open(new ByteArrayInputStream(file), file.length, splice::tap);
    DicomWriter w = new DicomWriter(splice.dataSet());
    w.startDataSet(TransferSyntax.EXPLICIT_LE);
    DicomCopy.copyDataSet(r, w);
    OutputStream out = new ByteArrayOutputStream();
    assertFalse(splice.writeTo(out, r.fileMeta(), r.transferSyntax(), r));
    assertTrue(splice.refusal().contains("no Pixel Data"), splice.refusal());
  }
}
