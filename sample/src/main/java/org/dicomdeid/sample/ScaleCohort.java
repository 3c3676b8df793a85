package org.dicomdeid.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.sample.CohortModel.Patient;
import org.dicomdeid.sample.CohortModel.Series;
import org.dicomdeid.sample.CohortModel.Visit;

/**
 * A large cohort for the scale benchmark: {@code files} tiny CT instances (8x8 pixels, Explicit VR
 * Little Endian, about 4 KB with the planted identifiers of {@link InstanceWriter}) spread evenly
 * over {@code patients} patients of one visit each, in the export layout {@code <MRN>_<CT
 * date>/S<series>/IM<n>}, 100 instances per series. Unlike {@link CohortGenerator} it keeps no
 * manifest (constant memory for any size); deterministic in its arguments.
 */
public final class ScaleCohort {
  static final int PER_SERIES = 100;
  private static final int PIXELS = 8;

  private ScaleCohort() {}

  /** Writes the cohort under {@code root}; returns the number of files written. */
  public static long write(Path root, long files, int patients) throws IOException {
    if (files < 1 || patients < 1) {
      throw new IllegalArgumentException("files and patients must be at least 1");
    }
    byte[] pixels = InstanceWriter.pixels(PIXELS, PIXELS, 42L);
    long written = 0;
    for (int p = 0; p < patients; p++) {
      long mine = files / patients + (p < files % patients ? 1 : 0);
      Visit visit = visit(root, p);
      for (int s = 0; s * (long) PER_SERIES < mine; s++) {
        Series series = series(visit, p, s + 1);
        Files.createDirectories(series.dir());
        int n = (int) Math.min(PER_SERIES, mine - s * (long) PER_SERIES);
        for (int i = 1; i <= n; i++) {
          String sop = series.uid() + "." + i;
          SampleDataSet d =
              InstanceWriter.dataSet(
                  series, i, sop, series.uid() + "." + (i % n + 1), PIXELS, PIXELS);
          Path file = series.dir().resolve(String.format("IM%05d", i));
          try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 8192)) {
            InstanceWriter.write(os, series, sop, d, pixels);
          }
          written++;
        }
      }
    }
    return written;
  }

  private static Visit visit(Path root, int p) {
    String mrn = String.format("KU%08d", 10_000_000 + p);
    String date = LocalDate.of(2015, 1, 1).plusDays(p % 3650).toString().replace("-", "");
    String tok = String.format("P%07d", p);
    Patient patient =
        new Patient(
            mrn,
            tok,
            "DOE" + tok + "^JANE",
            "Doe" + tok,
            "",
            "19600101",
            p % 2 == 0 ? "M" : "F",
            "1 " + tok + " Lane^^Springfield",
            "OP" + tok,
            "ISSUER " + tok);
    String study = CohortGenerator.UID_ROOT + "7." + (p + 1);
    return new Visit(
        patient,
        root.resolve(mrn + "_" + date),
        date,
        "101500",
        study,
        "ACC" + tok,
        "ST" + tok,
        "General Hospital",
        "1 Road, Springfield",
        "WELBY^MARCUS",
        "TECH^ANNA",
        "CT1",
        "SN-1",
        "RP" + tok,
        "CT chest",
        "Protocol",
        "ACME note",
        "Patient " + tok + " phoned",
        "ACME nested");
  }

  private static Series series(Visit v, int p, int number) {
    String uid = CohortGenerator.UID_ROOT + "8." + (p + 1) + "." + number;
    return new Series(
        v,
        v.dir().resolve("S" + number),
        number,
        uid,
        uid + ".0",
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
        InstanceWriter.CT_IMAGE_STORAGE,
        "CT",
        false,
        0);
  }

  /** {@code ScaleCohort <dir> [files=1000000] [patients=1000]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println(
          "usage: ScaleCohort <dir> [files, default 1000000] [patients, default 1000]");
      System.exit(2);
    }
    long files = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    int patients = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    long n = write(Path.of(args[0]), files, patients);
    System.out.println(
        "wrote " + n + " files for " + Math.min(patients, n) + " patients under " + args[0]);
  }
}
