package org.dicomdeid.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.dicomdeid.transforms.AssignSubjects;
import org.dicomdeid.transforms.ExtractHeaders;
import org.dicomdeid.transforms.GroupBySeries;
import org.dicomdeid.transforms.HeaderRecord;
import org.dicomdeid.transforms.MappingRow;
import org.dicomdeid.transforms.Outcome;
import org.dicomdeid.transforms.ReadMapping;
import org.dicomdeid.transforms.RewriteFiles;
import org.dicomdeid.transforms.StaleTemps;
import org.dicomdeid.transforms.WriteMappingCsv;
import org.dicomdeid.transforms.WriteReport;

/**
 * De-identifies a DICOM export: match -> ExtractHeaders -> GroupBySeries -> AssignSubjects ->
 * RewriteFiles, with WriteMappingCsv and WriteReport (DESIGN.md, Data flow).
 *
 * <p>Exit status: 0 when every input was written, unchanged, skipped or quarantined; 1 when any
 * failed (the
 * report says which) or the pipeline failed; 2 for bad options. Without --input the sample
 * cohort's planted broken files are expected to fail and do not change the status.
 */
public final class DeidPipeline {
  private DeidPipeline() {}

  /** What a test asserts on. */
  public record Outputs(PCollection<Outcome> outcomes, PCollection<Map<String, String>> subjects,
      PCollection<String> mapping, PCollection<String> report) {}

  public static void main(String[] args) {
    System.exit(execute(args, console(System.out, java.io.FileDescriptor.out),
        console(System.err, java.io.FileDescriptor.err)));
  }

  /**
   * Under the scripts' byte-preserving locale a path string holds one char per byte of the
   * name: printed as ISO-8859-1 it is the name's own bytes again (every message is ASCII
   * around the paths), so a Korean folder name reads as it was typed.
   */
  private static PrintStream console(PrintStream standard, java.io.FileDescriptor fd) {
    return org.dicomdeid.transforms.FileNames.everyNameReadable()
        ? new PrintStream(new java.io.FileOutputStream(fd), true,
            java.nio.charset.StandardCharsets.ISO_8859_1)
        : standard;
  }

  /** main without the exit: returns the exit status. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, result -> { });
  }

  /**
   * execute, and hands {@code started} the running pipeline's result as soon as it runs: the hook
   * of a front end (the web page) that polls its metrics for live progress.
   */
  public static int execute(String[] args, PrintStream out, PrintStream err,
      Consumer<PipelineResult> started) {
    Cli.Parsed cli = Cli.parse(args, out, err);
    if (cli.answered()) {
      return cli.exit();
    }
    PipelineOptionsFactory.register(DeidOptions.class);
    DeidOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(cli.args()).withValidation()
          .as(DeidOptions.class);
    } catch (IllegalArgumentException e) {
      err.println("bad options: " + e.getMessage());
      return 2;
    }
    try {
      SampleRun sample = options.getInput() == null ? SampleRun.prepare(options, out) : null;
      RunSummary summary = run(options, err, started);
      summary.print(out);
      if (sample != null && summary.failed() == sample.plantedBroken()) {
        sample.printNext(out);
        return 0;
      }
      if (summary.failed() > 0) {
        err.println(summary.failed() + " input(s) failed: see the report's failed rows");
        return 1;
      }
      return 0;
    } catch (BadOptionsException e) {
      err.println("bad options: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("pipeline failed: " + rootMessage(e));
      return 1;
    }
  }

  /** Validates the options, runs the pipeline to the end and reads the report. */
  public static RunSummary run(DeidOptions options, PrintStream console)
      throws BadOptionsException, IOException {
    return run(options, console, result -> { });
  }

  /** run, handing {@code started} the result while the pipeline runs (see execute). */
  public static RunSummary run(DeidOptions options, PrintStream console,
      Consumer<PipelineResult> started) throws BadOptionsException, IOException {
    DeidSettings settings = DeidSettings.from(options);
    if (settings.keyCreated()) {
      console.println("created secret key " + options.getSecretKeyFile()
          + " (keep it with the mapping CSV: same key, same subjects and UIDs)");
    }
    settings.warnings().forEach(console::println);
    cleanStaleTemps(settings);
    Path kept = ReportHistory.keepPrevious(Path.of(settings.reportCsv()));
    if (kept != null) {
      console.println("the previous run's report is kept as " + kept);
    }
    boolean direct = "DirectRunner".equals(options.getRunner().getSimpleName());
    if (direct) {
      // run() returns at once so the progress line can poll; the per-element immutability and
      // encodability checks are for tests (TestPipeline keeps them), not for production runs.
      DirectOptions d = options.as(DirectOptions.class);
      d.setBlockOnRun(false);
      d.setEnforceImmutability(false);
      d.setEnforceEncodability(false);
    }
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, settings);
    long start = System.nanoTime();
    try (ClusterJob cluster = direct ? null : ClusterJob.watch(
            options.as(FlinkPipelineOptions.class).getFlinkMaster(), options.getJobName(), console);
        ProgressLine progress = ProgressLine.start(console, cluster,
            options.getRunner().getSimpleName(), options.getProgress())) {
      PipelineResult result = pipeline.run();
      started.accept(result);
      progress.follow(result);
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("pipeline ended " + state);
      }
    }
    return RunSummary.read(settings, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * How many keys the header reads and rewrites are spread over: four per worker thread, so
   * every worker has work while the number of bundles the DirectRunner must schedule stays small.
   * Workers: Flink's --parallelism when set, else this machine's processors.
   */
  static int spreadBuckets(Pipeline pipeline) {
    int workers = Runtime.getRuntime().availableProcessors();
    Integer flink = pipeline.getOptions()
        .as(org.apache.beam.runners.flink.FlinkPipelineOptions.class).getParallelism();
    if (flink != null && flink > 0) {
      workers = flink;
    }
    return Math.max(8, 4 * workers);
  }

  /**
   * How many keys the series and studies are grouped under: on the DirectRunner, four times the
   * spread buckets (it pays per key and per bundle, see GroupBySeries.withKeys; a key is a
   * bundle of the rewrite, and with fewer, larger bundles the last ones ran alone at the end);
   * elsewhere one key per UID (0).
   */
  static int groupingKeys(Pipeline pipeline) {
    String runner = pipeline.getOptions().getRunner().getSimpleName();
    return runner.equals("DirectRunner") || runner.equals("TestDirectRunner")
        ? 4 * spreadBuckets(pipeline) : 0;
  }

  /** The pipeline: returns the collections tests assert on. */
  public static Outputs buildPipeline(Pipeline pipeline, DeidSettings s) {
    PCollectionTuple extracted = pipeline.apply("ExtractHeaders",
        ExtractHeaders.from(s.patterns()).withAllowBurnedIn(s.allowBurnedIn())
            .withBuckets(spreadBuckets(pipeline)));
    PCollectionTuple grouped = extracted.get(ExtractHeaders.HEADERS)
        .apply("GroupBySeries", GroupBySeries.create()
            .withSpread(GroupBySeries.DEFAULT_SPREAD_ABOVE, spreadBuckets(pipeline))
            .withKeys(groupingKeys(pipeline)));
    PCollection<HeaderRecord> ready = grouped.get(GroupBySeries.READY);
    PCollection<MappingRow> previous =
        pipeline.apply("ReadPreviousMapping", ReadMapping.from(s.mappingCsv()));
    PCollection<Map<String, String>> mrnToSubject = ready.apply("AssignSubjects",
        AssignSubjects.withKey(s.keyedConfig(), s.subjectPrefix(), s.subjectDigits())
            .withPrevious(previous));
    PCollectionView<Map<String, String>> subjects = AssignSubjects.asView(mrnToSubject);
    PCollectionTuple rewritten = grouped.get(GroupBySeries.REWRITE).apply("RewriteFiles",
        RewriteFiles.to(s.output(), s.keyedConfig(), subjects).withOverwrite(s.overwrite()));
    PCollection<String> mapping = PCollectionTuple
        .of(WriteMappingCsv.ASSIGNED, ready)
        .and(WriteMappingCsv.WRITTEN, rewritten.get(RewriteFiles.WRITTEN))
        .and(WriteMappingCsv.PREVIOUS, previous)
        .apply("WriteMappingCsv", WriteMappingCsv.to(s.mappingCsv(), s.keyedConfig(), subjects));
    PCollection<Outcome> outcomes = PCollectionList
        .of(extracted.get(ExtractHeaders.REJECTED))
        .and(grouped.get(GroupBySeries.FAILED))
        .and(rewritten.get(RewriteFiles.OUTCOMES))
        .apply("AllOutcomes", Flatten.pCollections());
    PCollection<String> report = outcomes.apply("WriteReport", WriteReport.to(s.reportCsv()));
    return new Outputs(outcomes, mrnToSubject, mapping, report);
  }

  /**
   * A run killed mid-way can leave temporary files of its atomic writes: hidden
   * {@code .<name>.<random>.tmp} files beside outputs, mapping and report. They never look like
   * output, and are removed here before the run starts (local folders only).
   */
  private static void cleanStaleTemps(DeidSettings s) throws IOException {
    if (!s.output().contains("://")) {
      StaleTemps.clean(Path.of(s.output()));
    }
    StaleTemps.cleanBeside(Path.of(s.mappingCsv()));
    StaleTemps.cleanBeside(Path.of(s.reportCsv()));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
