package org.dicomdeid.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * The command line in front of Beam's parser: {@code --help} / {@code -h} print this tool's options
 * ({@link Help}); every option problem is reported at once ({@link OptionCheck}), with exit status
 * 2, before any pipeline or runner is built.
 */
final class Cli {
  private Cli() {}

  /**
   * What the command line asks for.
   *
   * @param args the arguments for Beam's parser, when {@code exit} is negative
   * @param exit the exit status when the command line was answered here (help, bad options)
   */
  record Parsed(String[] args, int exit) {
    boolean answered() {
      return exit >= 0;
    }
  }

  static Parsed parse(String[] args, PrintStream out, PrintStream err) {
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-help")) {
        Help.print(out);
        return new Parsed(args, 0);
      }
      if (a.startsWith("--help=")) {
        return new Parsed(args, Help.printBeam(a.substring("--help=".length()), out, err));
      }
    }
    OptionCheck.Checked c = OptionCheck.check(args);
    if (!c.problems().isEmpty()) {
      printProblems(c.problems(), err);
      return new Parsed(args, 2);
    }
    return new Parsed(c.args().toArray(String[]::new), -1);
  }

  /** "bad options:" and one line per problem; the status-2 message of every bad option. */
  static void printProblems(List<String> problems, PrintStream err) {
    if (problems.size() == 1) {
      err.println("bad options: " + problems.get(0));
    } else {
      err.println("bad options: " + problems.size() + " problems");
      problems.forEach(p -> err.println("  - " + p));
    }
    err.println(
        "(nothing was read or written; run with --help for every option, its default "
            + "and an example)");
  }
}
