package org.dicomdeid.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.beam.sdk.PipelineResult;

/** What the command line prints of a run: the key it created, warnings, progress lines. */
final class ConsoleListener implements RunListener {
  private final PrintStream console;
  private final String keyFileAsGiven;
  private final Consumer<PipelineResult> started;

  /** {@code keyFileAsGiven}: --secretKeyFile as the user wrote it, as the message names it. */
  ConsoleListener(PrintStream console, String keyFileAsGiven, Consumer<PipelineResult> started) {
    this.console = console;
    this.keyFileAsGiven = keyFileAsGiven;
    this.started = started;
  }

  @Override
  public void started(PipelineResult running) {
    started.accept(running);
  }

  @Override
  public void keyCreated(String secretKeyFile) {
    console.println("created secret key " + keyFileAsGiven
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
