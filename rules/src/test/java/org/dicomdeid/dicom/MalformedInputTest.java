package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dicomdeid.rules.HeaderFacts;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that is not DICOM, truncated or lying: only ever a DicomParseException. */
class MalformedInputTest {
  @TempDir Path tmp;

  /** A 100 KB file whose private OB (0009,1010) claims {@code claimed} bytes. */
  static byte[] lyingFile(long claimed, int[] headerOffset) throws Exception {
    byte[] file =
        Codec.part10(
            TransferSyntax.EXPLICIT_LE,
            w -> {
              w.writeElement(Tags.PatientID, VR.LO, "KU00001".getBytes(StandardCharsets.US_ASCII));
              w.writeElement(0x00090010, VR.LO, "ACME".getBytes(StandardCharsets.US_ASCII));
              w.writeElement(0x00091010, VR.OB, new byte[100_000]);
              w.writeElement(Tags.PixelData, VR.OW, new byte[64]);
            });
    byte[] header = {0x09, 0, 0x10, 0x10, 'O', 'B', 0, 0};
    for (int i = 0; i < file.length; i++) {
      if (Arrays.equals(file, i, i + 8, header, 0, 8)) {
        System.arraycopy(Codec.le32(claimed), 0, file, i + 8, 4);
        headerOffset[0] = i;
        return file;
      }
    }
    throw new AssertionError("element not found");
  }

  @Test
  void lyingLengthOfThreeGigabytesIsRefusedWithItsOffset() throws Exception {
    int[] at = new int[1];
    byte[] file = lyingFile(3_000_000_000L, at);
    DicomParseException e =
        assertThrows(
            DicomParseException.class,
            () -> HeaderFacts.read(new ByteArrayInputStream(file), file.length));
    assertEquals(at[0], e.offset(), e.getMessage());
    assertTrue(e.getMessage().contains("offset " + at[0]), e.getMessage());
    // Size unknown (a pipe): reading or skipping the value must fail, not allocate 3 GB.
    for (long claimed : new long[] {3_000_000_000L, 2_000_000_000L, 0xFFFFFFF0L}) {
      byte[] f = lyingFile(claimed, at);
      assertThrows(
          DicomParseException.class,
          () -> Codec.readAll(DicomReader.open(new ByteArrayInputStream(f), -1)));
      assertThrows(DicomParseException.class, () -> skipAll(f, -1));
    }
  }

  private static void skipAll(byte[] f, long size) throws IOException {
    try (DicomReader r = DicomReader.open(new ByteArrayInputStream(f), size)) {
      while (r.next() != DicomReader.Event.END) {
        // values skipped by next()
      }
    }
  }

  @Test
  void notDicomIsRefused() {
    List<byte[]> inputs =
        List.of(
            new byte[0],
            "hi".getBytes(StandardCharsets.US_ASCII),
            "Export notes for the research team.\nNothing to see here.\n"
                .getBytes(StandardCharsets.US_ASCII),
            "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
            new byte[128],
            new byte[132],
            new byte[300]);
    for (byte[] in : inputs) {
      assertThrows(
          DicomParseException.class,
          () -> HeaderFacts.read(new ByteArrayInputStream(in), in.length),
          in.length + " bytes");
      assertThrows(
          DicomParseException.class,
          () -> Codec.readAll(DicomReader.open(new ByteArrayInputStream(in), -1)));
    }
  }

  @Test
  void truncationAtManyOffsetsGivesOnlyDicomParseException() throws Exception {
    CohortManifest m =
        CohortGenerator.generate(tmp, new CohortSpec(7, 1, 1, 5, 1, 16, 16, false, false));
    List<Path> files = new ArrayList<>();
    m.readableFiles().stream().map(GeneratedFile::path).forEach(files::add);
    Path ct = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
    if (Files.isRegularFile(ct)) {
      files.add(ct);
    }
    for (Path p : files) {
      byte[] whole = Files.readAllBytes(p);
      int refused = 0;
      for (int cut = 0; cut < whole.length; cut += cut < 1024 ? 1 : 37) {
        byte[] part = Arrays.copyOf(whole, cut);
        for (long size : new long[] {part.length, -1}) {
          try {
            Codec.readAll(DicomReader.open(new ByteArrayInputStream(part), size));
            skipAll(part, size);
            HeaderFacts.read(new ByteArrayInputStream(part), size);
          } catch (DicomParseException expected) {
            refused++;
          } catch (Throwable t) {
            fail(p.getFileName() + " cut at " + cut + " (size " + size + "): " + t, t);
          }
        }
        if (cut > whole.length - 64 && refused == 0) {
          fail(p.getFileName() + " cut inside Pixel Data at " + cut + " was accepted");
        }
      }
      assertTrue(refused > whole.length / 40, p.getFileName() + ": " + refused);
    }
  }

  @Test
  void truncatedInsidePixelDataIsRefusedWhenSkipping() throws Exception {
    int[] at = new int[1];
    byte[] file = lyingFile(100_000, at); // honest length
    for (int cut : new int[] {file.length - 1, file.length - 40, at[0] + 50_000}) {
      byte[] part = Arrays.copyOf(file, cut);
      for (long size : new long[] {part.length, -1}) {
        assertThrows(DicomParseException.class, () -> skipAll(part, size), cut + "/" + size);
        try (InputStream in = new ByteArrayInputStream(part)) {
          assertThrows(
              DicomParseException.class,
              () -> Codec.readAll(DicomReader.open(in, size)),
              cut + "/" + size);
        }
      }
    }
  }
}
