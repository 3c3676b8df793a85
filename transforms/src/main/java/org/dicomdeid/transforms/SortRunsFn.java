package org.dicomdeid.transforms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;

/**
 * The first half of {@link WriteSortedCsv}: holds at most {@code maxRows} rows of a bundle, sorts
 * them and writes them as a run; emits each run's name. The runs of a failed bundle are never named
 * downstream (the next run deletes them as stale temporary files).
 */
final class SortRunsFn<T> extends DoFn<T, String> {
  private final String target;
  private final Coder<T> coder;
  private final CsvRows<T> rows;
  private final int maxRows;
  private transient List<T> buffer;

  SortRunsFn(String target, Coder<T> coder, CsvRows<T> rows, int maxRows) {
    this.target = target;
    this.coder = coder;
    this.rows = rows;
    this.maxRows = maxRows;
  }

  @StartBundle
  public void start() {
    buffer = new ArrayList<>();
  }

  @ProcessElement
  public void process(@Element T row, OutputReceiver<String> out) throws IOException {
    buffer.add(row);
    if (buffer.size() >= maxRows) {
      out.output(flush());
    }
  }

  @FinishBundle
  public void finish(FinishBundleContext c) throws IOException {
    if (!buffer.isEmpty()) {
      c.output(flush(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }
  }

  private String flush() throws IOException {
    buffer.sort(rows.order());
    String name = SortedRuns.write(PhiFiles.resource(target), coder, buffer).toString();
    buffer = new ArrayList<>();
    return name;
  }
}
