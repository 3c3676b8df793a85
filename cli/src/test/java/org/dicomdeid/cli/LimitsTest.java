package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Memory does not grow with file size; open files do not grow with the number of files. */
class LimitsTest {
  static final int FRAMES = 600;
  static final int SIDE = 512;

  /** The child JVM's open file limit: far below the number of input files. */
  static final int OPEN_FILES = 256;

  @TempDir Path dir;

  /**
   * Native, and deflated (where the head is deflated anew and the rest of the input's deflate
   * stream is copied: DeflateSplice); the data set is over 300 MB either way.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
        TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN
      })
  void aThreeHundredMegabyteFileIsRewrittenInA64MegabyteHeap(String uid) throws Exception {
    TransferSyntax ts = TransferSyntax.of(uid);
    Path in = dir.resolve("multiframe.dcm");
    writeMultiFrame(in, ts);
    assertTrue(ts.deflated() || Files.size(in) > 300_000_000L, "the input is over 300 MB");
    assertTrue((long) FRAMES * SIDE * SIDE * 2 > 300_000_000L, "Pixel Data is over 300 MB");
    Path out = dir.resolve("out.dcm");
    Path log = dir.resolve("child.log");
    Process p =
        ChildJvm.start(
            ChildJvm.command(
                List.of("-Xmx64m", "-XX:+UseSerialGC"),
                RewriteOneFile.class,
                in.toString(),
                out.toString()),
            log);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
    String text = Files.readString(log);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("rewritten, max heap"), text);
    assertTrue(text.contains("deflated files spliced: " + (ts.deflated() ? 1 : 0)), text);
    assertArrayEquals(pixelDigest(in), pixelDigest(out), "the same pixels");
  }

  @Test
  void fiveThousandFilesUnderAnOpenFileLimitOf256() throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(101L, 25, 1, 2, 100, 8, 8, false, false));
    int files = cohort.filesOfKind(GeneratedFile.DICOM).size();
    assertEquals(5000, files);
    Path log = dir.resolve("child.log");
    String java =
        String.join(
            " ",
            ChildJvm.command(
                    List.of("-Xmx512m"), Main.class, Runs.args(dir, cohort.root().toString()))
                .stream()
                .map(LimitsTest::quote)
                .toList());
    Process p =
        ChildJvm.start(List.of("bash", "-c", "ulimit -n " + OPEN_FILES + " && exec " + java), log);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
    String text = Files.readString(log);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains(files + " inputs: " + files + " written"), text);
    assertEquals(files, TreeChecks.files(dir.resolve("deid")).size());
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * A multi-frame CT of 600 frames of 512x512x16 bits, streamed to disk. The first two frames are
   * noise, so that a deflated file has deflate blocks of ordinary size where Pixel Data starts.
   */
  private static void writeMultiFrame(Path file, TransferSyntax ts) throws IOException {
    String sop = "1.2.826.0.1.3680043.9999.88.3";
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      DicomWriter w = new DicomWriter(os);
      FileMeta meta = new FileMeta();
      meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, TestImages.CT);
      meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, sop);
      w.writeFileMeta(meta, ts);
      w.writeElement(Tags.SOPClassUID, VR.UI, TestImages.uid(TestImages.CT));
      w.writeElement(Tags.SOPInstanceUID, VR.UI, TestImages.uid(sop));
      w.writeElement(Tags.StudyDate, VR.DA, TestImages.text("20200102"));
      w.writeElement(Tags.Modality, VR.CS, TestImages.text("CT"));
      w.writeElement(Tags.PatientName, VR.PN, TestImages.text("DOE^JANE"));
      w.writeElement(Tags.PatientID, VR.LO, TestImages.text("KU1"));
      w.writeElement(Tags.StudyInstanceUID, VR.UI, TestImages.uid(sop + ".1"));
      w.writeElement(Tags.SeriesInstanceUID, VR.UI, TestImages.uid(sop + ".2"));
      w.writeElement(0x00280002, VR.US, TestImages.us(1));
      w.writeElement(0x00280004, VR.CS, TestImages.text("MONOCHROME2"));
      w.writeElement(0x00280008, VR.IS, TestImages.text(Integer.toString(FRAMES)));
      w.writeElement(TestImages.ROWS, VR.US, TestImages.us(SIDE));
      w.writeElement(TestImages.COLUMNS, VR.US, TestImages.us(SIDE));
      w.writeElement(0x00280100, VR.US, TestImages.us(16));
      w.writeElement(0x00280101, VR.US, TestImages.us(16));
      w.writeElement(0x00280102, VR.US, TestImages.us(15));
      w.writeElement(0x00280103, VR.US, TestImages.us(0));
      byte[] frame = new byte[SIDE * SIDE * 2];
      OutputStream pixels = w.startValue(Tags.PixelData, VR.OW, (long) FRAMES * frame.length);
      Random noise = new Random(FRAMES);
      for (int f = 0; f < FRAMES; f++) {
        if (f < 2) {
          noise.nextBytes(frame);
        } else {
          Arrays.fill(frame, (byte) 0);
          for (int i = 0; i < frame.length; i += 64) {
            frame[i] = (byte) f;
            frame[i + 1] = (byte) (i >> 6);
          }
        }
        pixels.write(frame);
      }
      w.endValue();
      w.finish();
    }
  }

  private static byte[] pixelDigest(Path file) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        DicomReader r = DicomReader.open(in, Files.size(file))) {
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        if (e == DicomReader.Event.ELEMENT && r.tag() == Tags.PixelData) {
          try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), d)) {
            r.copyValue(sink);
          }
          return d.digest();
        }
      }
    }
    throw new AssertionError("no Pixel Data in " + file.getFileName());
  }
}
