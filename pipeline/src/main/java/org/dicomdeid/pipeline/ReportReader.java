package org.dicomdeid.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.transforms.Status;

/**
 * The report CSV read back, the one reader of every front end: the report is the authority on every
 * input, whatever the runner's metrics support. Its rows name input paths (PHI side): a caller
 * shows them to the coordinator on this machine, never logs them.
 */
public final class ReportReader {
  private ReportReader() {}

  /** One row of the report: {@code input,status,reason} (the output column is not needed). */
  public record Row(String input, Status status, String reason) {}

  /** Hands every row to {@code each}; returns how many rows each status has (0 for none). */
  public static Map<Status, Long> read(Path report, Consumer<Row> each) throws IOException {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status st : Status.values()) {
      counts.put(st, 0L);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(report);
        CSVParser p = CSVParser.parse(r, format)) {
      for (CSVRecord rec : p) {
        Status status = Status.ofLabel(rec.get("status"));
        counts.merge(status, 1L, Long::sum);
        each.accept(new Row(rec.get("input"), status, rec.get("reason")));
      }
    }
    return counts;
  }
}
