package org.dicomdeid.transforms;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/** The pipeline's counters (namespace {@value #NAMESPACE}): counts only, never values. */
public final class DeidMetrics {
  public static final String NAMESPACE = "deid";
  public static final String MATCHED = "matched";
  public static final String BYTES = "bytes";

  private DeidMetrics() {}

  public static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }

  /** The counter of an outcome's status: written, unchanged, skipped, quarantined or failed. */
  public static Counter of(Status status) {
    return counter(status.label());
  }
}
