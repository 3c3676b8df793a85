package org.dicomdeid.pipeline;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Every choice this tool makes by runner: the DirectRunner's flags for a production run, and how
 * widely the stages spread their work (by the DirectRunner or Flink's parallelism).
 */
final class RunnerTuning {
  private RunnerTuning() {}

  static boolean isDirect(PipelineOptions options) {
    return "DirectRunner".equals(options.getRunner().getSimpleName());
  }

  /**
   * On the DirectRunner, run() returns at once so the progress line can poll; the per-element
   * immutability and encodability checks are for tests (TestPipeline keeps them), not for
   * production runs.
   */
  static void forProduction(PipelineOptions options) {
    if (isDirect(options)) {
      DirectOptions d = options.as(DirectOptions.class);
      d.setBlockOnRun(false);
      d.setEnforceImmutability(false);
      d.setEnforceEncodability(false);
    }
  }

  /**
   * How many keys the header reads and rewrites are spread over: four per worker thread, so every
   * worker has work while the number of bundles the DirectRunner must schedule stays small.
   * Workers: Flink's --parallelism when set, else this machine's processors.
   */
  static int spreadBuckets(Pipeline pipeline) {
    int workers = Runtime.getRuntime().availableProcessors();
    Integer flink = pipeline.getOptions().as(FlinkPipelineOptions.class).getParallelism();
    if (flink != null && flink > 0) {
      workers = flink;
    }
    return Math.max(8, 4 * workers);
  }

  /**
   * How many keys the series and studies are grouped under: on the DirectRunner, four times the
   * spread buckets (it pays per key and per bundle, see GroupBySeries.withKeys; a key is a bundle
   * of the rewrite, and with fewer, larger bundles the last ones ran alone at the end); elsewhere
   * one key per UID (0).
   */
  static int groupingKeys(Pipeline pipeline) {
    String runner = pipeline.getOptions().getRunner().getSimpleName();
    return runner.equals("DirectRunner") || runner.equals("TestDirectRunner")
        ? 4 * spreadBuckets(pipeline)
        : 0;
  }
}
