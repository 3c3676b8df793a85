package org.dicomdeid.transforms;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Spreads the records of each group (a study) over {@code buckets} keys of one of {@code groups}
 * sets of keys, so the expensive step after it runs in parallel, then redistributes them with
 * Beam's {@link Reshuffle} (on Flink a rebalance, on the DirectRunner a grouping by these keys).
 * Only the records cross the shuffle (header records), never file bytes.
 *
 * <p>{@code Reshuffle.viaRandomKey().withNumBuckets(n)} bounds the keys too, but spreads every
 * group over every key, and that is what this avoids: the DirectRunner keeps a key's records in a
 * bag that it copies, record by record (a coder clone), for every bundle that adds to it. With one
 * set of buckets, every study's bundle added to every bucket, and the time per file grew with the
 * cohort (300,000 files: 31x {@code cp -r}). With {@code groups} sets chosen by a stable hash of
 * the group, a bucket is added to by about 1/{@code groups} of the studies, so the copies per file
 * stay a small constant for a given study count. A key per study and bucket would copy nothing, but
 * the DirectRunner's cost per key and bundle (timers, a DoFn deserialized per bundle) made
 * thousands of keys slower still: keys stay few ({@code groups x buckets}).
 */
public final class Spread<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private final SerializableFunction<T, String> group;
  private final int groups;
  private final SerializableFunction<T, String> key;
  private final int buckets;

  private Spread(
      SerializableFunction<T, String> group,
      int groups,
      SerializableFunction<T, String> key,
      int buckets) {
    if (buckets < 1 || groups < 1) {
      throw new IllegalArgumentException("buckets and groups must be at least 1");
    }
    this.group = group;
    this.groups = groups;
    this.key = key;
    this.buckets = buckets;
  }

  /**
   * Spreads the records of each {@code group} by {@code key} over {@code buckets} keys of one of
   * {@code groups} sets (a stable hash of the group chooses the set).
   */
  public static <T> Spread<T> within(
      SerializableFunction<T, String> group,
      int groups,
      SerializableFunction<T, String> key,
      int buckets) {
    return new Spread<>(group, groups, key, buckets);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    return input
        .apply("KeyByBucket", ParDo.of(new BucketFn<>(group, groups, key, buckets)))
        .setCoder(KvCoder.of(VarIntCoder.of(), coder))
        .apply("Redistribute", Reshuffle.of())
        .apply("DropKeys", Values.create())
        .setCoder(coder);
  }

  /** Keys a record by its bucket: group set x buckets + bucket. */
  static final class BucketFn<T> extends DoFn<T, KV<Integer, T>> {
    private final SerializableFunction<T, String> group;
    private final int groups;
    private final SerializableFunction<T, String> key;
    private final int buckets;

    BucketFn(
        SerializableFunction<T, String> group,
        int groups,
        SerializableFunction<T, String> key,
        int buckets) {
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
}
