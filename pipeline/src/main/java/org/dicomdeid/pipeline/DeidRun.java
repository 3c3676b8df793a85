package org.dicomdeid.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * One run, for every front end (the command line, the web page): cleans what a killed run left,
 * keeps the previous report, builds the pipeline ({@link DeidPipeline#buildPipeline}), runs it to
 * the end on the runner of {@code runner} while {@link RunListener} hears of it, and reads the
 * report. The settings were validated when they were built ({@link BadOptionsException}).
 */
public final class DeidRun {
  private DeidRun() {}

  /**
   * Runs the pipeline to the end and returns its summary, counted from the report.
   *
   * @param runner Beam's options of the runner (--runner, --flinkMaster, --parallelism, ...); with
   *     {@link DeidOptions#getProgress()} false no progress lines are made
   * @throws RunFailedException the pipeline failed or did not finish, or the report could not be
   *     read
   */
  public static RunSummary run(DeidSettings settings, PipelineOptions runner, RunListener listener)
      throws RunFailedException {
    try {
      return runOrThrow(settings, runner, listener);
    } catch (IOException | RuntimeException e) {
      throw new RunFailedException(e);
    }
  }

  private static RunSummary runOrThrow(
      DeidSettings settings, PipelineOptions runner, RunListener listener) throws IOException {
    if (settings.keyCreated()) {
      listener.keyCreated(settings.secretKeyFile());
    }
    settings.warnings().forEach(listener::warning);
    TempCleanup.beforeRun(settings);
    Path kept = ReportHistory.keepPrevious(Path.of(settings.reportCsv()));
    if (kept != null) {
      listener.previousReportKept(kept);
    }
    boolean direct = RunnerTuning.isDirect(runner);
    RunnerTuning.forProduction(runner);
    Pipeline pipeline = Pipeline.create(runner);
    DeidPipeline.buildPipeline(pipeline, settings);
    long start = System.nanoTime();
    try (ClusterJob cluster =
            direct
                ? null
                : ClusterJob.watch(
                    runner.as(FlinkPipelineOptions.class).getFlinkMaster(),
                    runner.getJobName(),
                    listener::progress);
        ProgressLine progress =
            ProgressLine.start(
                listener::progress,
                cluster,
                runner.getRunner().getSimpleName(),
                runner.as(DeidOptions.class).getProgress())) {
      PipelineResult result = pipeline.run();
      listener.started(result);
      progress.follow(result);
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("pipeline ended " + state);
      }
    }
    return RunSummary.read(settings, (System.nanoTime() - start) / 1_000_000);
  }
}
