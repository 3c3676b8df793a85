package org.dicomdeid.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.transforms.Status;

/**
 * The end of a run, counted from the report (the authority on every input, whatever the runner's
 * metrics support): counts and where things went, never a path of an input.
 */
public record RunSummary(Map<Status, Long> counts, String output, String mappingCsv,
    String reportCsv, long millis) {

  static RunSummary read(DeidSettings s, long millis) throws IOException {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status st : Status.values()) {
      counts.put(st, 0L);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(Path.of(s.reportCsv()));
        CSVParser p = CSVParser.parse(r, format)) {
      for (CSVRecord rec : p) {
        counts.merge(Status.ofLabel(rec.get("status")), 1L, Long::sum);
      }
    }
    return new RunSummary(counts, s.output(), s.mappingCsv(), s.reportCsv(), millis);
  }

  public long count(Status s) {
    return counts.getOrDefault(s, 0L);
  }

  public long failed() {
    return count(Status.FAILED);
  }

  public long inputs() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  void print(PrintStream out) {
    out.printf("done in %.1f s: %d inputs: %d written, %d unchanged (identical output already "
        + "there), %d skipped, %d quarantined, %d failed%n", millis / 1000.0, inputs(),
        count(Status.WRITTEN), count(Status.UNCHANGED), count(Status.SKIPPED),
        count(Status.QUARANTINED), failed());
    out.println("  de-identified tree: " + output);
    out.println("  mapping CSV (PHI, 0600): " + mappingCsv);
    out.println("  report CSV (PHI, 0600): " + reportCsv);
  }
}
