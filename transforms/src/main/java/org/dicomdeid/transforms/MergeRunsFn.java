package org.dicomdeid.transforms;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The second half of {@link WriteSortedCsv}: merges the sorted runs, at most {@code fanIn} (default
 * {@value #FAN_IN}) open at once (more runs are first merged in groups into longer runs), streaming
 * the rows in order into a temporary CSV file that then replaces the target. Memory: one buffer and
 * one row per open run.
 */
final class MergeRunsFn<T> extends DoFn<List<String>, String> {
  /** Runs open at once: with the rewrites' own files, well under a 256 open-file limit. */
  static final int FAN_IN = 16;

  private static final int BUFFER = 1 << 16;

  private final String target;
  private final Coder<T> coder;
  private final CsvRows<T> rows;
  private final int fanIn;

  MergeRunsFn(String target, Coder<T> coder, CsvRows<T> rows, int fanIn) {
    this.target = target;
    this.coder = coder;
    this.rows = rows;
    this.fanIn = fanIn;
  }

  /** Takes one row of the merged order. */
  private interface RowSink<T> {
    void accept(T row) throws IOException;
  }

  @ProcessElement
  public void process(@Element List<String> names, OutputReceiver<String> out) throws IOException {
    ResourceId file = PhiFiles.resource(target);
    List<ResourceId> runs = new ArrayList<>();
    names.forEach(n -> runs.add(PhiFiles.resource(n)));
    List<ResourceId> temporary = new ArrayList<>(runs);
    ResourceId temp = PhiFiles.tempBeside(file, "");
    temporary.add(temp);
    try {
      List<ResourceId> level = runs;
      while (level.size() > fanIn) {
        List<ResourceId> next = new ArrayList<>();
        for (int i = 0; i < level.size(); i += fanIn) {
          List<ResourceId> group = level.subList(i, Math.min(level.size(), i + fanIn));
          ResourceId merged = PhiFiles.tempBeside(file, "run");
          temporary.add(merged);
          try (OutputStream os =
              new BufferedOutputStream(Channels.newOutputStream(PhiFiles.create(merged)), BUFFER)) {
            merge(
                group,
                row -> {
                  os.write(1);
                  coder.encode(row, os);
                });
          }
          next.add(merged);
        }
        level = next;
      }
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setRecordSeparator('\n')
              .setHeader(rows.header().toArray(String[]::new))
              .get();
      try (Writer w =
              new BufferedWriter(
                  new OutputStreamWriter(
                      Channels.newOutputStream(PhiFiles.create(temp)), StandardCharsets.UTF_8),
                  BUFFER);
          CSVPrinter p = new CSVPrinter(w, format)) {
        merge(level, row -> p.printRecord(rows.cells(row)));
      }
      PhiFiles.replace(temp, file);
    } finally {
      PhiFiles.delete(temporary);
    }
    out.output(target);
  }

  /** Streams the rows of sorted runs in order, dropping a row the one before it replaces. */
  private void merge(List<ResourceId> runs, RowSink<T> sink) throws IOException {
    PriorityQueue<SortedRuns.Reader<T>> heads =
        new PriorityQueue<>(Math.max(1, runs.size()), SortedRuns.Reader.byHead(rows.order()));
    List<SortedRuns.Reader<T>> open = new ArrayList<>();
    try {
      for (ResourceId run : runs) {
        SortedRuns.Reader<T> r = new SortedRuns.Reader<>(run, coder);
        open.add(r);
        if (r.head() != null) {
          heads.add(r);
        }
      }
      T last = null;
      while (!heads.isEmpty()) {
        SortedRuns.Reader<T> r = heads.poll();
        T row = r.head();
        if (last == null || !rows.sameRow(last, row)) {
          sink.accept(row);
          last = row;
        }
        r.advance();
        if (r.head() != null) {
          heads.add(r);
        }
      }
    } finally {
      for (SortedRuns.Reader<T> r : open) {
        r.close();
      }
    }
  }
}
