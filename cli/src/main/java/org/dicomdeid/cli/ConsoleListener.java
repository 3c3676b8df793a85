package org.dicomdeid.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.dicomdeid.pipeline.RunListener;

/** What the command line prints of a run: the key it created, warnings, progress lines. */
final class ConsoleListener implements RunListener {
  private final PrintStream console;
  private final String keyFileAsGiven;

  /** {@code keyFileAsGiven}: --secretKeyFile as the user wrote it, as the message names it. */
  ConsoleListener(PrintStream console, String keyFileAsGiven) {
    this.console = console;
    this.keyFileAsGiven = keyFileAsGiven;
  }

  @Override
  public void keyCreated(String secretKeyFile) {
    console.println(
        "created secret key "
            + keyFileAsGiven
            + " (keep it with the mapping CSV: same key, same subjects and UIDs)");
  }

  @Override
  public void warning(String message) {
    console.println(message);
  }

  @Override
  public void previousReportKept(Path copy) {
    console.println("the previous run's report is kept as " + copy);
  }

  @Override
  public void progress(String line) {
    console.println(line);
  }
}
