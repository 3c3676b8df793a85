package org.dicomdeid.pipeline;

import java.nio.file.Path;
import org.apache.beam.sdk.PipelineResult;

/**
 * What a front end hears of a run ({@link DeidRun#run}): the console prints it, the web page keeps
 * the running pipeline for its live counters. Every method is optional. Nothing here carries a path
 * or value of an input: only the run's own files, counts and states.
 */
public interface RunListener {
  /** The secret key file did not exist and was created. */
  default void keyCreated(String secretKeyFile) {}

  /** A warning about the permissions of the key file, mapping or report. */
  default void warning(String message) {}

  /** The earlier run's report was copied to {@code copy} before this run replaces it. */
  default void previousReportKept(Path copy) {}

  /** The pipeline runs: its result, for live counters or a cancel, until it ends. */
  default void started(PipelineResult running) {}

  /**
   * A line on the run's progress (every 2 to 5 s while it runs, when the runner options ask for it)
   * or on its cluster job: counts and states only.
   */
  default void progress(String line) {}
}
