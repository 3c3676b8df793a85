package org.dicomdeid.transforms;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Spreads small records over a fixed number of buckets (a stable hash of a key the caller
 * chooses), so the expensive step after it runs in parallel, without fusing into the step
 * before it. Unlike {@code Reshuffle.viaRandomKey()}, the number of keys is bounded: the
 * DirectRunner makes a bundle per key, so a random key per file costs it a bundle per file.
 * Only the records cross the shuffle (header records, paths), never file bytes.
 */
public final class Spread<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private final SerializableFunction<T, String> key;
  private final int buckets;

  private Spread(SerializableFunction<T, String> key, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
    }
    this.key = key;
    this.buckets = buckets;
  }

  /** Spreads by {@code key} (stable: a String's hash) over {@code buckets} keys. */
  public static <T> Spread<T> by(SerializableFunction<T, String> key, int buckets) {
    return new Spread<>(key, buckets);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    return input
        .apply("KeyByBucket", ParDo.of(new BucketFn<>(key, buckets)))
        .setCoder(KvCoder.of(VarIntCoder.of(), coder))
        .apply("GroupByBucket", GroupByKey.create())
        .apply("Ungroup", ParDo.of(new UngroupFn<T>()))
        .setCoder(coder);
  }

  /** Keys a record by its bucket. */
  static final class BucketFn<T> extends DoFn<T, KV<Integer, T>> {
    private final SerializableFunction<T, String> key;
    private final int buckets;

    BucketFn(SerializableFunction<T, String> key, int buckets) {
      this.key = key;
      this.buckets = buckets;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, T>> out) {
      out.output(KV.of(Math.floorMod(key.apply(element).hashCode(), buckets), element));
    }
  }

  /** Emits every record of a bucket; iterates the group once (Flink allows no more). */
  static final class UngroupFn<T> extends DoFn<KV<Integer, Iterable<T>>, T> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<T>> group, OutputReceiver<T> out) {
      for (T t : group.getValue()) {
        out.output(t);
      }
    }
  }
}
