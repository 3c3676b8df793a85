package org.dicomdeid.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.beam.sdk.PipelineResult;
import org.dicomdeid.transforms.DeidMetrics;
import org.dicomdeid.transforms.LocalCounts;

/**
 * Prints progress on one line every 2 to 5 s while the pipeline runs, on every runner: counts and
 * rates only, never a path or value: files matched, headers read, written, skipped, quarantined,
 * failed, MB written and MB/s, elapsed time, and an ETA once the rate is known. When the pipeline
 * runs in this JVM (DirectRunner, embedded Flink) the counts are this JVM's {@link LocalCounts},
 * which move with every file; else the runner's metrics. A FlinkRunner's run() returns only when
 * the job has ended and its counters arrive at the end: on a cluster the line reads the job's state
 * from the Flink REST API ({@link ClusterJob}).
 */
final class ProgressLine implements AutoCloseable {
  private static final long PERIOD_MS = 2000;

  /** Without live counters a line every 5 s says that the job still runs. */
  private static final long QUIET_PERIOD_MS = 5000;

  /** Rates are measured over the last 10 s. */
  private static final int WINDOW = 5;

  private final Thread thread;
  private volatile PipelineResult result;

  private ProgressLine(
      Consumer<String> console, ClusterJob cluster, String runner, boolean enabled) {
    if (!enabled) {
      thread = null;
      return;
    }
    long start = System.nanoTime();
    thread = new Thread(() -> loop(console, cluster, runner, start), "progress");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts before the pipeline runs (a FlinkRunner's run() blocks until the job ends). */
  static ProgressLine start(
      Consumer<String> console, ClusterJob cluster, String runner, boolean enabled) {
    return new ProgressLine(console, cluster, runner, enabled);
  }

  /** The running pipeline, once run() has returned: its counters are read from now on. */
  void follow(PipelineResult running) {
    this.result = running;
  }

  private void loop(Consumer<String> console, ClusterJob cluster, String runner, long start) {
    Deque<long[]> samples = new ArrayDeque<>();
    Map<String, Long> before = LocalCounts.snapshot();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Map<String, Long> local = since(before);
        Thread.sleep(result != null || !local.isEmpty() ? PERIOD_MS : QUIET_PERIOD_MS);
        double seconds = (System.nanoTime() - start) / 1e9;
        PipelineResult r = result;
        local = since(before);
        String line;
        if (!local.isEmpty()) {
          line = line(local, seconds, samples);
        } else if (r != null) {
          line = line(LiveCounters.read(r), seconds, samples);
        } else if (cluster != null) {
          line = String.format("progress %.0f s: %s", seconds, cluster.describe());
        } else {
          line =
              String.format(
                  "progress %.0f s: the job is running on the embedded %s (its"
                      + " counters arrive when it ends)",
                  seconds, runner);
        }
        console.accept(line);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      console.accept(
          "progress: no live counters from this runner ("
              + e.getClass().getSimpleName()
              + "); the summary follows at the end");
    }
  }

  /** This JVM's counts since {@code before}: empty when the pipeline runs elsewhere. */
  private static Map<String, Long> since(Map<String, Long> before) {
    Map<String, Long> now = new TreeMap<>();
    LocalCounts.snapshot()
        .forEach(
            (name, n) -> {
              long d = n - before.getOrDefault(name, 0L);
              if (d != 0) {
                now.put(name, d);
              }
            });
    return now;
  }

  /**
   * One progress line; {@code samples} holds the last few (seconds, files done, bytes) to measure
   * the rates over.
   */
  static String line(Map<String, Long> c, double seconds, Deque<long[]> samples) {
    long matched = c.getOrDefault(DeidMetrics.MATCHED, 0L);
    long headers = c.getOrDefault(DeidMetrics.HEADERS, 0L);
    long written = c.getOrDefault("written", 0L);
    long unchanged = c.getOrDefault("unchanged", 0L);
    long done =
        written
            + unchanged
            + c.getOrDefault("skipped", 0L)
            + c.getOrDefault("quarantined", 0L)
            + c.getOrDefault("failed", 0L);
    long bytes = c.getOrDefault(DeidMetrics.BYTES, 0L);
    samples.addLast(new long[] {(long) (seconds * 1000), done, bytes});
    if (samples.size() > WINDOW + 1) {
      samples.removeFirst();
    }
    long[] first = samples.getFirst();
    double span = (samples.getLast()[0] - first[0]) / 1000.0;
    double filesPerS = span > 0 ? (done - first[1]) / span : 0;
    double mbPerS = span > 0 ? (bytes - first[2]) / span / 1e6 : 0;
    StringBuilder b =
        new StringBuilder(String.format("progress %.0f s: matched %d", seconds, matched));
    if (matched == 0) {
      b.append(" (matching the input patterns)");
    }
    b.append(
        String.format(
            " | headers read %d | grouped by series %d, by study %d | written %d, unchanged %d,"
                + " skipped %d, quarantined %d, failed %d | %.1f MB written, %.1f MB/s, %.0f"
                + " files/s",
            headers,
            c.getOrDefault(DeidMetrics.SERIES_CHECKED, 0L),
            c.getOrDefault(DeidMetrics.STUDY_DATED, 0L),
            written,
            unchanged,
            c.getOrDefault("skipped", 0L),
            c.getOrDefault("quarantined", 0L),
            c.getOrDefault("failed", 0L),
            bytes / 1e6,
            mbPerS,
            filesPerS));
    // an ETA only from a rate of real work: at least 1 in 1,000 files done in the window
    if (done - first[1] >= Math.max(10, matched / 1000) && matched > done) {
      b.append(String.format(" | ETA %.0f s", (matched - done) / filesPerS));
    }
    return b.toString();
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
  }
}
