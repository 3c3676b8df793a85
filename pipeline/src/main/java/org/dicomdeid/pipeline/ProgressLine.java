package org.dicomdeid.pipeline;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.dicomdeid.transforms.DeidMetrics;

/** Prints the pipeline's counters on one line every 2 s while it runs: counts only, no PHI. */
final class ProgressLine implements AutoCloseable {
  private static final String[] NAMES =
      {"matched", "written", "unchanged", "skipped", "quarantined", "failed"};
  private final Thread thread;

  private ProgressLine(Thread thread) {
    this.thread = thread;
  }

  static ProgressLine start(PipelineResult result, PrintStream console, boolean enabled) {
    if (!enabled) {
      return new ProgressLine(null);
    }
    Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(2000);
          console.println(line(counters(result)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // metrics not available from this runner: no progress line
      }
    }, "progress");
    t.setDaemon(true);
    t.start();
    return new ProgressLine(t);
  }

  /** The deid namespace's counters, attempted values (what the runner has seen so far). */
  static Map<String, Long> counters(PipelineResult result) {
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(DeidMetrics.NAMESPACE)).build());
    Map<String, Long> values = new TreeMap<>();
    for (MetricResult<Long> c : q.getCounters()) {
      values.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return values;
  }

  static String line(Map<String, Long> counters) {
    StringBuilder b = new StringBuilder("progress:");
    for (String n : NAMES) {
      b.append(' ').append(n).append(' ').append(counters.getOrDefault(n, 0L));
    }
    b.append(String.format(" | %.1f MB written", counters.getOrDefault("bytes", 0L) / 1e6));
    return b.toString();
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
  }
}
