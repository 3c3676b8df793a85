package org.dicomdeid.transforms;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes one CSV file of a PCollection's rows in order, in bounded memory whatever the number of
 * rows (an external sort): every bundle's rows are sorted and written as runs of at most {@value
 * #MAX_ROWS} rows beside the target, in parallel; then one streaming step merges the runs in order
 * into a temporary file, renames it over the target (atomic where the filesystem can) and deletes
 * the runs. Only run names (one per run, not per row) are collected into one element. Everything
 * goes through Beam's filesystems, owner-only ({@link PhiFiles}). Emits the target's path.
 */
public final class WriteSortedCsv<T> extends PTransform<PCollection<T>, PCollection<String>> {
  /** Rows held by one worker thread at most: about 10 MB of report rows. */
  static final int MAX_ROWS = 20_000;

  private final String file;
  private final CsvRows<T> rows;
  private final int maxRows;
  private final int fanIn;

  private WriteSortedCsv(String file, CsvRows<T> rows, int maxRows, int fanIn) {
    if (maxRows < 1 || fanIn < 2) {
      throw new IllegalArgumentException("at least 1 row per run and 2 runs per merge");
    }
    this.file = file;
    this.rows = rows;
    this.maxRows = maxRows;
    this.fanIn = fanIn;
  }

  /** Writes to a path on any Beam filesystem (a plain path is a local file). */
  public static <T> WriteSortedCsv<T> to(String file, CsvRows<T> rows) {
    return new WriteSortedCsv<>(file, rows, MAX_ROWS, MergeRunsFn.FAN_IN);
  }

  /** Smaller runs and merges, so that a test of a few rows goes through every path. */
  WriteSortedCsv<T> withLimits(int rowsPerRun, int runsPerMerge) {
    return new WriteSortedCsv<>(file, rows, rowsPerRun, runsPerMerge);
  }

  @Override
  public PCollection<String> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    return input
        .apply("SortRuns", ParDo.of(new SortRunsFn<>(file, coder, rows, maxRows)))
        .setCoder(StringUtf8Coder.of())
        .apply("CollectRunNames", Combine.globally(new DistinctStrings()))
        .apply("MergeRuns", ParDo.of(new MergeRunsFn<>(file, coder, rows, fanIn)))
        .setCoder(StringUtf8Coder.of());
  }
}
