package org.dicomdeid.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;
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
import org.dicomdeid.transforms.WriteMappingCsv;
import org.dicomdeid.transforms.WriteReport;

/**
 * De-identifies a DICOM export: match -> ExtractHeaders -> GroupBySeries -> AssignSubjects ->
 * RewriteFiles, with WriteMappingCsv and WriteReport (DESIGN.md, Data flow).
 *
 * <p>Exit status: 0 when every input was written, unchanged, skipped or quarantined; 1 when any
 * failed (the report says which) or the pipeline failed; 2 for bad options. Without --input the sample
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
      DeidSettings settings = DeidSettings.from(options);
      RunSummary summary = DeidRun.run(settings, options,
          new ConsoleListener(err, options.getSecretKeyFile(), started));
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
    } catch (RunFailedException e) {
      err.println("pipeline failed: " + e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("pipeline failed: " + RunFailedException.rootMessage(e));
      return 1;
    }
  }

  /** The pipeline: returns the collections tests assert on. */
  public static Outputs buildPipeline(Pipeline pipeline, DeidSettings s) {
    PCollectionTuple extracted = pipeline.apply("ExtractHeaders",
        ExtractHeaders.from(s.patterns()).withAllowBurnedIn(s.allowBurnedIn())
            .withBuckets(RunnerTuning.spreadBuckets(pipeline)));
    int buckets = RunnerTuning.spreadBuckets(pipeline);
    PCollectionTuple grouped = extracted.get(ExtractHeaders.HEADERS)
        .apply("GroupBySeries", GroupBySeries.create()
            .withSpread(GroupBySeries.DEFAULT_SPREAD_ABOVE, buckets)
            .withKeys(RunnerTuning.groupingKeys(pipeline)));
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
}
