package org.dicomdeid.pipeline.web;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.dicomdeid.transforms.DeidMetrics;

/** The running pipeline's deid counters, attempted values, as the console's ProgressLine reads. */
final class LiveCounters {
  private LiveCounters() {}

  static Map<String, Long> read(PipelineResult result) {
    Map<String, Long> values = new TreeMap<>();
    try {
      var q = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.inNamespace(DeidMetrics.NAMESPACE)).build());
      for (MetricResult<Long> c : q.getCounters()) {
        values.merge(c.getName().getName(), c.getAttempted(), Long::sum);
      }
    } catch (RuntimeException e) {
      // metrics not (yet) available from the runner: no numbers this time
    }
    return values;
  }
}
