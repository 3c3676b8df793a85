package org.dicomdeid.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * One report per run: a run never erases an earlier run's report. Before a run replaces the report
 * at {@code --reportCsv}, the earlier one is copied beside it under the time it was written, {@code
 * report.csv} -> {@code report.20261203-091500.csv} (owner-only, like the report). The given name
 * always holds the latest run's report; the mapping, by contrast, is one file that every batch
 * merges into.
 */
final class ReportHistory {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

  private ReportHistory() {}

  /** Keeps the report at {@code report}, if any; returns the copy, or null when none was made. */
  static Path keepPrevious(Path report) throws IOException {
    if (!Files.isRegularFile(report)) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(report);
    String stamp = STAMP.format(Files.getLastModifiedTime(report).toInstant());
    String name = report.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int n = 1; ; n++) {
      Path copy = report.resolveSibling(stem + "." + stamp + (n == 1 ? "" : "-" + n) + ext);
      if (!Files.exists(copy)) {
        Files.createFile(
            copy,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(copy, bytes);
        return copy;
      }
      if (Arrays.equals(bytes, Files.readAllBytes(copy))) {
        return null; // kept already
      }
    }
  }
}
