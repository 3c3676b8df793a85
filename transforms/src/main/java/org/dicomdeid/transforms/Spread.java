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
 *
 * <p>{@link #within} spreads groups (studies) over {@code groups} sets of buckets: the
 * DirectRunner keeps a key's records in a bag that it copies, record by record (a coder clone),
 * for every bundle that adds to it. With one set of buckets, every study's bundle added to every
 * bucket, and the time per file grew with the cohort (300,000 files: 31x {@code cp -r}). With
 * {@code groups} sets, a bucket is added to by about 1/{@code groups} of the studies, so the
 * copies per file stay a small constant for a given study count. A key per study and bucket
 * would copy nothing, but the DirectRunner's cost per key and bundle (timers, a DoFn
 * deserialized per bundle) made thousands of keys slower still: keys stay few
 * ({@code groups x buckets}).
 */
public final class Spread<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private final SerializableFunction<T, String> group;
  private final int groups;
  private final SerializableFunction<T, String> key;
  private final int buckets;

  private Spread(SerializableFunction<T, String> group, int groups,
      SerializableFunction<T, String> key, int buckets) {
    if (buckets < 1 || groups < 1) {
      throw new IllegalArgumentException("buckets and groups must be at least 1");
    }
    this.group = group;
    this.groups = groups;
    this.key = key;
    this.buckets = buckets;
  }

  /** Spreads by {@code key} (stable: a String's hash) over {@code buckets} keys. */
  public static <T> Spread<T> by(SerializableFunction<T, String> key, int buckets) {
    return new Spread<>(r -> "", 1, key, buckets);
  }

  /**
   * Spreads the records of each {@code group} by {@code key} over {@code buckets} keys of one of
   * {@code groups} sets (a stable hash of the group chooses the set).
   */
  public static <T> Spread<T> within(SerializableFunction<T, String> group, int groups,
      SerializableFunction<T, String> key, int buckets) {
    return new Spread<>(group, groups, key, buckets);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    return input
        .apply("KeyByBucket", ParDo.of(new BucketFn<>(group, groups, key, buckets)))
        .setCoder(KvCoder.of(VarIntCoder.of(), coder))
        .apply("GroupByBucket", GroupByKey.create())
        .apply("Ungroup", ParDo.of(new UngroupFn<T>()))
        .setCoder(coder);
  }

  /** Keys a record by its bucket: group set x buckets + bucket. */
  static final class BucketFn<T> extends DoFn<T, KV<Integer, T>> {
    private final SerializableFunction<T, String> group;
    private final int groups;
    private final SerializableFunction<T, String> key;
    private final int buckets;

    BucketFn(SerializableFunction<T, String> group, int groups,
        SerializableFunction<T, String> key, int buckets) {
      this.group = group;
      this.groups = groups;
      this.key = key;
      this.buckets = buckets;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, T>> out) {
      int set = groups == 1 ? 0 : Math.floorMod(group.apply(element).hashCode(), groups);
      int bucket = Math.floorMod(key.apply(element).hashCode(), buckets);
      out.output(KV.of(set * buckets + bucket, element));
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
