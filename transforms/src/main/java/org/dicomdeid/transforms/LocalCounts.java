package org.dicomdeid.transforms;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The deid counters as they happen in this JVM. Runners report Beam metrics per finished bundle
 * (the DirectRunner's bundles hold thousands of files; a Flink batch task reports once, at its
 * end), so a progress line fed by them stands still for long stretches. When the pipeline runs in
 * the client's JVM (DirectRunner, embedded Flink), these counts move with every file. Counts only;
 * on a cluster's workers they are kept and never read.
 */
public final class LocalCounts {
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

  private LocalCounts() {}

  /** The counts so far, by counter name. */
  public static Map<String, Long> snapshot() {
    Map<String, Long> m = new TreeMap<>();
    COUNTS.forEach((name, n) -> m.put(name, n.get()));
    return m;
  }

  /** A Beam counter that also counts here. */
  static Counter mirrored(String namespace, String name) {
    return new Mirrored(Metrics.counter(namespace, name), name);
  }

  private static final class Mirrored implements Counter, Serializable {
    private static final long serialVersionUID = 1L;
    private final Counter beam;
    private final String name;

    Mirrored(Counter beam, String name) {
      this.beam = beam;
      this.name = name;
    }

    @Override
    public void inc() {
      inc(1);
    }

    @Override
    public void inc(long n) {
      beam.inc(n);
      COUNTS.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
    }

    @Override
    public void dec() {
      inc(-1);
    }

    @Override
    public void dec(long n) {
      inc(-n);
    }

    @Override
    public MetricName getName() {
      return beam.getName();
    }
  }
}
