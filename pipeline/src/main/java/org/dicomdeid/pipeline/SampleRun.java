package org.dicomdeid.pipeline;

import java.io.IOException;
import java.io.PrintStream;

/** With no --input: a small synthetic cohort with planted PHI in a temporary folder. */
final class SampleRun {
  private SampleRun() {}

  static void prepare(DeidOptions options, PrintStream out)
      throws IOException, BadOptionsException {
    throw new BadOptionsException("--input is required (the sample cohort generator is not "
        + "merged yet)");
  }
}
