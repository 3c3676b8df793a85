package org.dicomdeid.cli;

import java.io.PrintStream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.dicomdeid.pipeline.DeidOptions;

/** {@code --help}: this tool's options by group, each with its default and an example. */
final class Help {
  private static final int WIDTH = 92;

  private Help() {}

  static void print(PrintStream out) {
    out.println("dicom-deid: de-identifies a DICOM export for research (PS3.15 Basic Profile).");
    out.println();
    out.println("Usage:");
    out.println("  run-configs/direct.sh                try it: a generated sample cohort");
    out.println("  run-configs/direct.sh --input=/data/export --output=/data/deid \\");
    out.println("      --mappingCsv=/secure/mapping.csv --reportCsv=/secure/report.csv \\");
    out.println("      --secretKeyFile=/secure/deid.key [more options]");
    out.println();
    out.println(
        "Options are written --name=value (no space). Booleans take true/false, yes/no,"
            + " on/off, 1/0;");
    out.println(
        "--name alone means true. --input and --options may be repeated: their values "
            + "are merged.");
    for (CliOption.Group g : CliOption.Group.values()) {
      out.println();
      out.println(g.title + ":");
      for (CliOption o : CliOption.values()) {
        if (o.group == g) {
          out.println("  --" + o.name);
          wrap(o.description(), out);
          out.println("      default: " + o.defaultText() + "    example: " + o.example);
        }
      }
    }
    out.println();
    out.println(
        "Exit status: 0 every input written, unchanged, skipped or quarantined; 1 some "
            + "input failed");
    out.println(
        "(see the report) or the pipeline failed; 2 bad options. Beam's own options: "
            + "--help=beam.");
  }

  private static void wrap(String text, PrintStream out) {
    StringBuilder line = new StringBuilder("     ");
    for (String word : text.split(" ")) {
      if (line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder("     ");
      }
      line.append(' ').append(word);
    }
    out.println(line);
  }

  /**
   * {@code --help=beam}: Beam's list of its option classes; {@code --help=<class>}: one class's
   * options, e.g. {@code --help=FlinkPipelineOptions}.
   */
  static int printBeam(String which, PrintStream out, PrintStream err) {
    if (which.equalsIgnoreCase("beam")) {
      PipelineOptionsFactory.register(DeidOptions.class);
      PipelineOptionsFactory.printHelp(out);
      return 0;
    }
    Class<? extends PipelineOptions> c = BeamOptionNames.named(which);
    if (c == null) {
      err.println(
          "bad options: --help="
              + which
              + ": no such options class; write --help for "
              + "this tool's options, --help=beam for Beam's classes");
      return 2;
    }
    PipelineOptionsFactory.printHelp(out, c);
    return 0;
  }
}
