package org.dicomdeid.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dicomdeid.pipeline.ReportReader;
import org.dicomdeid.transforms.FileNames;
import org.dicomdeid.transforms.Status;

/**
 * The report's inputs not in the output tree (neither written nor unchanged), with the reason, as
 * the page's table shows them: at most {@link #MAX_ROWS}, then a count of the rest. Those rows name
 * input paths (PHI side): they go to the coordinator's page on this machine, never to a log.
 */
final class NotWritten implements Consumer<ReportReader.Row> {
  static final int MAX_ROWS = 2000;

  private final Path stripPrefix;
  private final List<Map<String, String>> rows = new ArrayList<>();
  private long more;

  /** {@code stripPrefix} (an upload folder, or null) is cut from the inputs shown. */
  NotWritten(Path stripPrefix) {
    this.stripPrefix = stripPrefix;
  }

  @Override
  public void accept(ReportReader.Row row) {
    if (row.status() == Status.WRITTEN || row.status() == Status.UNCHANGED) {
      return;
    }
    if (rows.size() < MAX_ROWS) {
      rows.add(
          Map.of(
              "input", shown(row.input()), "status", row.status().label(), "reason", row.reason()));
    } else {
      more++;
    }
  }

  /** Rows of {@code input,status,reason}. */
  List<Map<String, String>> rows() {
    return rows;
  }

  /** How many further not-written rows were left out. */
  long more() {
    return more;
  }

  private String shown(String input) {
    if (stripPrefix == null) {
      return input;
    }
    // The report's cells are paths as text (FileNames.display): compare like with like.
    String prefix = FileNames.display(stripPrefix.toString()) + "/";
    return input.startsWith(prefix) ? input.substring(prefix.length()) : input;
  }
}
