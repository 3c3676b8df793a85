package org.dicomdeid.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.dicomdeid.transforms.StaleTemps;

/**
 * A run killed mid-way can leave temporary files of its atomic writes: hidden {@code
 * .<name>.<random>.tmp} files beside outputs, mapping and report. They never look like output, and
 * are removed here before the run starts (local folders only).
 */
final class TempCleanup {
  private TempCleanup() {}

  static void beforeRun(DeidSettings s) throws IOException {
    if (!s.output().contains("://")) {
      StaleTemps.clean(Path.of(s.output()));
    }
    StaleTemps.cleanBeside(Path.of(s.mappingCsv()));
    StaleTemps.cleanBeside(Path.of(s.reportCsv()));
  }
}
