package org.dicomdeid.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.sample.CohortModel.Series;
import org.dicomdeid.sample.CohortModel.Visit;

/**
 * The strays of a real export, written into one visit folder: an empty file, a text file, a DICOM
 * file cut in the middle of its Pixel Data and one whose element claims 3 GB.
 */
final class BadFiles {
  /** The length the lying element claims: 3 GB, far beyond its small file. */
  static final long LYING_LENGTH = 3_000_000_000L;

  private BadFiles() {}

  static void write(CohortGenerator g, Visit v, Series planned) throws IOException {
    Path empty = v.dir().resolve("EMPTY0001");
    Files.write(empty, new byte[0]);
    g.addOther(empty, GeneratedFile.NOT_DICOM, v);

    Path text = v.dir().resolve("export_notes.txt");
    Files.writeString(
        text,
        "Export of " + v.patient().mrn() + " for the research team.\n",
        StandardCharsets.US_ASCII);
    g.addOther(text, GeneratedFile.NOT_DICOM, v);

    Series s =
        new Series(
            v,
            planned.dir(),
            planned.number(),
            planned.uid(),
            planned.frameOfReferenceUid(),
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            planned.sopClassUid(),
            planned.modality(),
            false,
            planned.fileNameStyle());
    String sop = g.uid();
    byte[] pixels = InstanceWriter.pixels(32, 32, 7);
    byte[] whole = encode(s, sop, InstanceWriter.dataSet(s, 1, sop, sop, 32, 32), pixels);
    // Native Pixel Data is the last element: cut halfway through its value.
    Path truncated = s.dir().resolve(g.fileName(s, 1));
    Files.write(truncated, Arrays.copyOf(whole, whole.length - pixels.length / 2));
    g.add(truncated, GeneratedFile.BAD, s, sop, s.transferSyntaxUid());

    String sop2 = g.uid();
    SampleDataSet d =
        InstanceWriter.dataSet(s, 2, sop2, sop2, 32, 32)
            .text(0x00091013, VR.UT, g.plant("ACME long text " + g.token()));
    byte[] lying = encode(s, sop2, d, pixels);
    patchLength(lying);
    Path liar = s.dir().resolve(g.fileName(s, 2));
    Files.write(liar, lying);
    g.add(liar, GeneratedFile.BAD, s, sop2, s.transferSyntaxUid());
  }

  private static byte[] encode(Series s, String sop, SampleDataSet d, byte[] pixels)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InstanceWriter.write(out, s, sop, d, pixels);
    return out.toByteArray();
  }

  /** Sets the 32-bit length of the explicit VR LE element (0009,1013) UT (PS3.5 7.1.2). */
  private static void patchLength(byte[] b) {
    byte[] header = {0x09, 0x00, 0x13, 0x10, 'U', 'T', 0, 0};
    for (int i = 0; i + 12 <= b.length; i++) {
      if (Arrays.equals(b, i, i + 8, header, 0, 8)) {
        for (int k = 0; k < 4; k++) {
          b[i + 8 + k] = (byte) (LYING_LENGTH >>> (8 * k));
        }
        return;
      }
    }
    throw new IllegalStateException("element (0009,1013) not found");
  }
}
