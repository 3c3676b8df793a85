package org.dicomdeid.rules;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dicomdeid.dicom.TestPixels;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.deflate.DataSetEncoder;

/**
 * What the last check ({@link LastCheck}) costs: the engine over in-memory 512x512 16-bit CT slices
 * with a realistic header, in each transfer syntax, with and without the check, alternating, best
 * of fifteen rounds. A command, not a test (no timed assertions): {@code java -cp <dicom test
 * classpath> org.dicomdeid.rules.LastCheckCost [slices]}.
 */
public final class LastCheckCost {
  private LastCheckCost() {}

  public static void main(String[] args) throws Exception {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    List<TransferSyntax> syntaxes =
        List.of(
            TransferSyntax.EXPLICIT_LE,
            TransferSyntax.IMPLICIT_LE,
            TransferSyntax.EXPLICIT_BE,
            TransferSyntax.DEFLATED_LE);
    DeidConfig config = DeidConfig.of(DeidOutput.KEY, DeidConfig.defaultOptions());
    Deidentifier with =
        new Deidentifier(config, SafePrivate.standard(), DataSetEncoder.splicing(), true);
    Deidentifier without =
        new Deidentifier(config, SafePrivate.standard(), DataSetEncoder.splicing(), false);
    for (TransferSyntax ts : syntaxes) {
      List<byte[]> files = new ArrayList<>();
      for (int i = 0; i < slices; i++) {
        files.add(
            TestDataset.ct()
                .put("PatientName", "HONG^GILDONG")
                .put("PatientID", "KU39009")
                .put("AccessionNumber", "ACC5550001")
                .put("PatientBirthDate", "19710203")
                .put("StudyDate", "20220921")
                .put("Manufacturer", "SIEMENS")
                .put("ConvolutionKernel", "B30f")
                .put("InstitutionName", "HOSPITAL")
                .put("ImageType", "ORIGINAL\\PRIMARY\\AXIAL")
                .put("SliceThickness", "1.0")
                .put("ImagePositionPatient", "-200\\-200\\" + i)
                .put(0x7FE00010, VR.OW, TestPixels.ctLike(512 * 512 * 2, i))
                .file(ts));
      }
      long bestWith = Long.MAX_VALUE;
      long bestWithout = Long.MAX_VALUE;
      for (int round = 0; round < 15; round++) {
        bestWithout = Math.min(bestWithout, time(without, files));
        bestWith = Math.min(bestWith, time(with, files));
      }
      System.out.printf(
          "%-14s %d slices: without the last check %6.1f ms, with %6.1f ms"
              + " (%+.1f%%, %+.1f us per file)%n",
          ts.uid().equals(TransferSyntax.DEFLATED_LE.uid())
              ? "deflated"
              : ts == TransferSyntax.EXPLICIT_LE
                  ? "explicit LE"
                  : ts == TransferSyntax.IMPLICIT_LE ? "implicit LE" : "explicit BE",
          slices,
          bestWithout / 1e6,
          bestWith / 1e6,
          100.0 * (bestWith - bestWithout) / bestWithout,
          (bestWith - bestWithout) / 1e3 / slices);
    }
  }

  private static long time(Deidentifier engine, List<byte[]> files) throws Exception {
    long t = System.nanoTime();
    for (byte[] f : files) {
      engine.deidentify(
          () -> new ByteArrayInputStream(f),
          f.length,
          OutputStream.nullOutputStream(),
          DeidOutput.SUBJECT);
    }
    return System.nanoTime() - t;
  }
}
