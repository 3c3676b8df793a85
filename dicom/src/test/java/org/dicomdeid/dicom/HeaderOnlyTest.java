package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HeaderReader stops at Pixel Data: it reads at most one buffer (64 KiB) past its header. */
class HeaderOnlyTest {
  private static final int PIXELS = 2 * 1024 * 1024;

  /** Counts the bytes actually taken from the stream, independently of the reader. */
  static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }

  @Test
  void headerOnlyReadConsumesLessThanPixelOffsetPlusOneBuffer() throws Exception {
    for (TransferSyntax ts :
        new TransferSyntax[] {
          TransferSyntax.EXPLICIT_LE, TransferSyntax.IMPLICIT_LE, TransferSyntax.EXPLICIT_BE
        }) {
      byte[] file =
          Codec.part10(
              ts,
              w -> {
                w.writeElement(
                    Tags.SOPInstanceUID, VR.UI, "1.2.3".getBytes(StandardCharsets.US_ASCII));
                w.writeElement(
                    Tags.StudyDate, VR.DA, "20220921".getBytes(StandardCharsets.US_ASCII));
                w.writeElement(
                    Tags.PatientID, VR.LO, "KU39009".getBytes(StandardCharsets.US_ASCII));
                w.writeElement(Tags.PixelData, VR.OW, new byte[PIXELS]);
              });
      int pixelOffset = file.length - PIXELS;
      CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(file));
      DicomReader r = DicomReader.open(in, file.length);
      Map<Integer, String> h = TopLevelValues.read(r);
      assertEquals("KU39009", h.get(Tags.PatientID));
      assertEquals("20220921", h.get(Tags.StudyDate));
      long limit = pixelOffset + 64 * 1024;
      assertTrue(in.count < limit, ts.uid() + ": read " + in.count + " of " + file.length);
      assertTrue(r.bytesConsumed() < limit, ts.uid() + ": consumed " + r.bytesConsumed());
      assertEquals(in.count, r.bytesConsumed());
    }
  }

  @Test
  void headerOnlyReadOfEncapsulatedPixelsStopsAtTheFragments() throws Exception {
    byte[] frame = new byte[PIXELS];
    Arrays.fill(frame, (byte) 7);
    byte[] file =
        Codec.part10(
            TransferSyntax.of("1.2.840.10008.1.2.5"),
            w -> {
              w.writeElement(Tags.PatientID, VR.LO, "KU39009".getBytes(StandardCharsets.US_ASCII));
              w.startFragments(Tags.PixelData, VR.OB);
              w.startFragment(0);
              w.endValue();
              w.startFragment(frame.length).write(frame);
              w.endValue();
              w.endFragments();
            });
    CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(file));
    TopLevelValues.read(DicomReader.open(in, file.length));
    assertTrue(in.count < file.length - PIXELS + 64 * 1024, "read " + in.count);
  }
}
