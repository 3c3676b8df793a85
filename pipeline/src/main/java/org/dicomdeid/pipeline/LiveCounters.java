package org.dicomdeid.pipeline;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.dicomdeid.transforms.DeidMetrics;

/**
 * The running pipeline's deid counters ({@link DeidMetrics}), attempted values (what the runner has
 * seen so far), by name: what the console's progress line and the web page show.
 */
public final class LiveCounters {
  private LiveCounters() {}

  /** The counters; a runner without metrics throws (e.g. UnsupportedOperationException). */
  public static Map<String, Long> read(PipelineResult result) {
    MetricQueryResults q =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace(DeidMetrics.NAMESPACE))
                    .build());
    Map<String, Long> values = new TreeMap<>();
    for (MetricResult<Long> c : q.getCounters()) {
      values.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return values;
  }

  /** The counters, or none while the runner has no metrics (yet). */
  public static Map<String, Long> readIfAny(PipelineResult result) {
    try {
      return read(result);
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
