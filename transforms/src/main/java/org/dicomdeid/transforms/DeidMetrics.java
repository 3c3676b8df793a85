package org.dicomdeid.transforms;

import org.apache.beam.sdk.metrics.Counter;

/** The pipeline's counters (namespace {@value #NAMESPACE}): counts only, never values. */
public final class DeidMetrics {
  public static final String NAMESPACE = "deid";

  /** Files matched by the input patterns. */
  public static final String MATCHED = "matched";

  /** Matched files whose header was read (or found unreadable). */
  public static final String HEADERS = "headers";

  /** Files through the series check, and through the study's dating ({@link GroupBySeries}). */
  public static final String SERIES_CHECKED = "series-checked";

  public static final String STUDY_DATED = "study-dated";
  public static final String BYTES = "bytes";

  private DeidMetrics() {}

  /** A counter of the namespace, mirrored in this JVM's {@link LocalCounts}. */
  public static Counter counter(String name) {
    return LocalCounts.mirrored(NAMESPACE, name);
  }

  /** The counter of an outcome's status: written, unchanged, skipped, quarantined or failed. */
  public static Counter of(Status status) {
    return counter(status.label());
  }
}
