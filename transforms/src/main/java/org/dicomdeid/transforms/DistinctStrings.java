package org.dicomdeid.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DelegateCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Combines strings that are few by nature (the MRNs, one per patient; the names of sorted runs,
 * each unique) into their sorted distinct list, in one combine: each worker reduces its own records
 * to a set before anything crosses the shuffle. {@code Distinct} would group by value instead, a
 * key per MRN: on the DirectRunner a thousand patients made a thousand bundles for every step after
 * it, seconds of a small run. Never one element per file.
 */
public final class DistinctStrings
    extends Combine.CombineFn<String, TreeSet<String>, List<String>> {
  @Override
  public TreeSet<String> createAccumulator() {
    return new TreeSet<>();
  }

  @Override
  public TreeSet<String> addInput(TreeSet<String> acc, String input) {
    acc.add(input);
    return acc;
  }

  @Override
  public TreeSet<String> mergeAccumulators(Iterable<TreeSet<String>> accs) {
    TreeSet<String> all = new TreeSet<>();
    for (TreeSet<String> a : accs) {
      all.addAll(a);
    }
    return all;
  }

  @Override
  public List<String> extractOutput(TreeSet<String> acc) {
    return new ArrayList<>(acc);
  }

  @Override
  public Coder<TreeSet<String>> getAccumulatorCoder(
      CoderRegistry registry, Coder<String> inputCoder) {
    return DelegateCoder.of(
        ListCoder.of(StringUtf8Coder.of()),
        (TreeSet<String> set) -> new ArrayList<>(set),
        (List<String> list) -> new TreeSet<>(list));
  }

  @Override
  public Coder<List<String>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<String> inputCoder) {
    return ListCoder.of(StringUtf8Coder.of());
  }
}
