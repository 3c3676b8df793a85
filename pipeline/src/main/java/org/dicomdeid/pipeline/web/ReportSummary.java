package org.dicomdeid.pipeline.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.transforms.FileNames;
import org.dicomdeid.transforms.Status;

/**
 * A finished run as the page shows it, read from the report (the authority on every input): the
 * counts by status and the inputs not in the output tree (neither written nor unchanged), with
 * the reason. Those rows name input paths (PHI side): they go to the coordinator's page on this
 * machine, never to a log.
 *
 * @param notWritten rows of {@code input,status,reason}, at most {@link #MAX_ROWS}
 * @param moreNotWritten how many further not-written rows were left out
 */
record ReportSummary(Map<String, Long> counts, List<Map<String, String>> notWritten,
    long moreNotWritten) {
  static final int MAX_ROWS = 2000;

  /** Reads the report; {@code stripPrefix} (an upload folder, or null) is cut from inputs. */
  static ReportSummary read(Path report, Path stripPrefix) throws IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Status s : Status.values()) {
      counts.put(s.label(), 0L);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    long more = 0;
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(report); CSVParser p = CSVParser.parse(r, format)) {
      for (CSVRecord rec : p) {
        Status status = Status.ofLabel(rec.get("status"));
        counts.merge(status.label(), 1L, Long::sum);
        if (status == Status.WRITTEN || status == Status.UNCHANGED) {
          continue;
        }
        if (rows.size() < MAX_ROWS) {
          rows.add(Map.of("input", shown(rec.get("input"), stripPrefix),
              "status", status.label(), "reason", rec.get("reason")));
        } else {
          more++;
        }
      }
    }
    return new ReportSummary(counts, rows, more);
  }

  long inputs() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static String shown(String input, Path stripPrefix) {
    if (stripPrefix == null) {
      return input;
    }
    // The report's cells are paths as text (FileNames.display): compare like with like.
    String prefix = FileNames.display(stripPrefix.toString()) + "/";
    return input.startsWith(prefix) ? input.substring(prefix.length()) : input;
  }
}
