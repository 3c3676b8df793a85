package org.dicomdeid.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.dicomdeid.pipeline.BadOptionsException;
import org.dicomdeid.pipeline.DeidOptions;
import org.dicomdeid.pipeline.DeidRun;
import org.dicomdeid.pipeline.DeidSettings;
import org.dicomdeid.pipeline.RunFailedException;
import org.dicomdeid.pipeline.RunSummary;
import org.dicomdeid.transforms.FileNames;
import org.dicomdeid.transforms.Status;

/**
 * The command line: arguments ({@link Cli}), the settings, the run ({@link DeidRun}) and its
 * summary on the console.
 *
 * <p>Exit status: 0 when every input was written, unchanged, skipped or quarantined; 1 when any
 * failed (the report says which) or the pipeline failed; 2 for bad options. Without --input the
 * sample cohort's planted broken files are expected to fail and do not change the status.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(
        execute(
            args,
            console(System.out, FileDescriptor.out),
            console(System.err, FileDescriptor.err)));
  }

  /**
   * Under the scripts' byte-preserving locale a path string holds one char per byte of the name:
   * printed as ISO-8859-1 it is the name's own bytes again (every message is ASCII around the
   * paths), so a Korean folder name reads as it was typed.
   */
  private static PrintStream console(PrintStream standard, FileDescriptor fd) {
    return FileNames.everyNameReadable()
        ? new PrintStream(new FileOutputStream(fd), true, StandardCharsets.ISO_8859_1)
        : standard;
  }

  /** main without the exit: returns the exit status. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    Cli.Parsed cli = Cli.parse(args, out, err);
    if (cli.answered()) {
      return cli.exit();
    }
    PipelineOptionsFactory.register(DeidOptions.class);
    DeidOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(cli.args()).withValidation().as(DeidOptions.class);
    } catch (IllegalArgumentException e) {
      err.println("bad options: " + e.getMessage());
      return 2;
    }
    try {
      SampleRun sample = options.getInput() == null ? SampleRun.prepare(options, out) : null;
      DeidSettings settings = DeidSettings.from(options);
      RunSummary summary =
          DeidRun.run(settings, options, new ConsoleListener(err, options.getSecretKeyFile()));
      print(summary, out);
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

  /** The run's last lines: counts and where things went, never a path of an input. */
  static void print(RunSummary s, PrintStream out) {
    out.printf(
        "done in %.1f s: %d inputs: %d written, %d unchanged (identical output already "
            + "there), %d skipped, %d quarantined, %d failed%n",
        s.millis() / 1000.0,
        s.inputs(),
        s.count(Status.WRITTEN),
        s.count(Status.UNCHANGED),
        s.count(Status.SKIPPED),
        s.count(Status.QUARANTINED),
        s.failed());
    out.println("  de-identified tree: " + s.output());
    out.println("  mapping CSV (PHI, 0600): " + s.mappingCsv());
    out.println("  report CSV (PHI, 0600): " + s.reportCsv());
  }
}
