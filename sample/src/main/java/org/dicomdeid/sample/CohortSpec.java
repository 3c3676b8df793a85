package org.dicomdeid.sample;

/**
 * The shape of a synthetic hospital export: how many patients, visits, series and instances, the
 * image size, and whether to add the files a real export is littered with (bad, burned-in).
 */
public record CohortSpec(
    long seed,
    int patients,
    int studiesPerPatient,
    int seriesPerStudy,
    int instancesPerSeries,
    int rows,
    int columns,
    boolean includeBadFiles,
    boolean includeBurnedIn) {

  public CohortSpec {
    if (patients < 1 || studiesPerPatient < 1 || seriesPerStudy < 1 || instancesPerSeries < 1) {
      throw new IllegalArgumentException("counts must be at least 1");
    }
    if (rows < 1 || columns < 1 || rows > 0xffff || columns > 0xffff) {
      throw new IllegalArgumentException("rows and columns must be in 1..65535");
    }
  }

  /** 3 patients x 2 visits x 2 series x 3 instances of 64x64, with bad and burned-in files. */
  public static CohortSpec small() {
    return new CohortSpec(20240921L, 3, 2, 2, 3, 64, 64, true, true);
  }

  /** Enough 512x512 16-bit CT slices (one patient, one visit) to reach {@code totalBytes}. */
  public static CohortSpec ctSlices(long totalBytes) {
    long slice = 512L * 512 * 2;
    int n = (int) Math.max(1, (totalBytes + slice - 1) / slice);
    int perSeries = Math.min(n, 100);
    int series = (n + perSeries - 1) / perSeries;
    return new CohortSpec(4242L, 1, 1, series, perSeries, 512, 512, false, false);
  }

  /** The same cohort shape with another patient count and seed. */
  public CohortSpec withPatients(int n, long newSeed) {
    return new CohortSpec(
        newSeed,
        n,
        studiesPerPatient,
        seriesPerStudy,
        instancesPerSeries,
        rows,
        columns,
        includeBadFiles,
        includeBurnedIn);
  }
}
