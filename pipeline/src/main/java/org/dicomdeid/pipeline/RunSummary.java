package org.dicomdeid.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.dicomdeid.transforms.Status;

/**
 * The end of a run, counted from the report (the authority on every input, whatever the runner's
 * metrics support): counts and where things went, never a path of an input.
 */
public record RunSummary(
    Map<Status, Long> counts, String output, String mappingCsv, String reportCsv, long millis) {

  static RunSummary read(DeidSettings s, long millis) throws IOException {
    Map<Status, Long> counts = ReportReader.read(Path.of(s.reportCsv()), row -> {});
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
}
