package org.dicomdeid.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.dicomdeid.pipeline.BadOptionsException;
import org.dicomdeid.pipeline.DeidOptions;
import org.dicomdeid.pipeline.DeidRun;
import org.dicomdeid.pipeline.DeidSettings;
import org.dicomdeid.pipeline.LiveCounters;
import org.dicomdeid.pipeline.ReportReader;
import org.dicomdeid.pipeline.RunFailedException;
import org.dicomdeid.pipeline.RunListener;
import org.dicomdeid.transforms.FileNames;
import org.dicomdeid.transforms.Status;

/**
 * One run at a time: DeidRun.run on the DirectRunner in a background thread, its live counters
 * while it runs, the report's summary after. The upload it read is deleted at its end.
 */
final class RunSlot {
  enum State {
    IDLE,
    RUNNING,
    DONE,
    ERROR
  }

  /** A run that found nothing to de-identify is a failure, not a finished run. */
  static final String NO_DICOM = "no DICOM file in the input";

  /** Where a finished run's files are. */
  record RunFiles(Path deid, Path mappingCsv, Path reportCsv) {}

  private final Path workDir;
  private final Path defaultKey;
  private final Staging staging;
  private State state = State.IDLE;
  private int runs;
  private long started;
  private long millis;
  private String message = "";
  private volatile PipelineResult result;
  private RunFiles files;

  /** The finished run's report: counts by status, and the inputs not written. */
  private Map<Status, Long> counts;

  private NotWritten notWritten;

  RunSlot(Path workDir, Path defaultKey, Staging staging) {
    this.workDir = workDir;
    this.defaultKey = defaultKey;
    this.staging = staging;
  }

  /** Starts a run, or returns false when one is running already. */
  synchronized boolean start(RunRequest request) throws IOException {
    if (state == State.RUNNING) {
      return false;
    }
    Path upload = request.inputPath() == null ? staging.folder() : null;
    if (request.inputPath() == null && upload == null) {
      throw new IllegalArgumentException("no files uploaded: choose a folder first");
    }
    Path input = upload != null ? upload : request.inputPath();
    runs++;
    Path runDir = workDir.resolve("run-" + runs);
    Files.createDirectories(
        runDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    DeidSettings.Builder settings = request.settings(input, runDir, defaultKey);
    RunFiles out =
        new RunFiles(
            runDir.resolve("deid"), request.mappingCsvIn(runDir), runDir.resolve("report.csv"));
    state = State.RUNNING;
    result = null;
    counts = null;
    notWritten = null;
    files = null;
    message = "";
    started = System.nanoTime();
    Thread t = new Thread(() -> execute(settings, out, upload), "deid-run");
    t.setDaemon(true);
    t.start();
    return true;
  }

  private void execute(DeidSettings.Builder settings, RunFiles out, Path upload) {
    State end;
    String msg;
    Map<Status, Long> counts = null;
    NotWritten notWritten = null;
    try {
      String problem = run(settings);
      if (Files.exists(out.reportCsv())) {
        notWritten = new NotWritten(upload);
        counts = ReportReader.read(out.reportCsv(), notWritten);
        long inputs = sum(counts);
        if (inputs == counts.get(Status.SKIPPED)) {
          end = State.ERROR;
          msg = NO_DICOM + " (" + inputs + " files read, none of them DICOM)";
        } else {
          end = State.DONE;
          msg =
              problem == null && counts.get(Status.FAILED) == 0
                  ? "finished"
                  : "finished; some inputs failed (see the table)";
        }
      } else {
        end = State.ERROR;
        msg = problem != null ? problem : "the run failed without a report";
      }
    } catch (IOException | RuntimeException e) {
      end = State.ERROR;
      msg = "the run failed (" + e.getClass().getSimpleName() + ")";
    }
    try {
      staging.delete();
    } catch (IOException e) {
      msg += "; the upload folder could not be deleted: " + e.getMessage();
    }
    synchronized (this) {
      millis = (System.nanoTime() - started) / 1_000_000;
      this.counts = counts;
      this.notWritten = notWritten;
      files = end == State.DONE ? out : null;
      message = msg;
      state = end;
    }
  }

  /**
   * Checks the settings and runs the pipeline on the DirectRunner; returns null, or the problem as
   * the command line words it ("bad options: ...", "pipeline failed: ...").
   */
  private String run(DeidSettings.Builder settings) {
    PipelineOptions runner = PipelineOptionsFactory.create();
    runner.setRunner(DirectRunner.class);
    runner.as(DeidOptions.class).setProgress(false);
    try {
      DeidRun.run(
          settings.build(),
          runner,
          new RunListener() {
            @Override
            public void started(PipelineResult running) {
              result = running;
            }
          });
      return null;
    } catch (BadOptionsException e) {
      return "bad options: " + e.getMessage();
    } catch (RunFailedException e) {
      return "pipeline failed: " + e.getMessage();
    }
  }

  private static long sum(Map<Status, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** What the page polls: state and counts; live metrics while running, the report after. */
  synchronized Map<String, Object> progress() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state.name().toLowerCase(Locale.ROOT));
    m.put("message", message);
    m.put("staged", staging.files());
    Map<String, Long> c = new LinkedHashMap<>();
    if (state == State.RUNNING && result != null) {
      c.putAll(LiveCounters.readIfAny(result));
    } else if (counts != null) {
      counts.forEach((s, n) -> c.put(s.label(), n));
      c.put("matched", sum(counts));
    }
    long done = 0;
    for (Status s : Status.values()) {
      long v = c.getOrDefault(s.label(), 0L);
      m.put(s.label(), v);
      done += v;
    }
    m.put("matched", c.getOrDefault("matched", 0L));
    m.put("done", done);
    m.put(
        "seconds",
        (state == State.RUNNING ? (System.nanoTime() - started) / 1_000_000 : millis) / 1000.0);
    return m;
  }

  /** The finished run's summary, or null when there is none. */
  synchronized Map<String, Object> results() {
    if (state != State.DONE) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    counts.forEach((s, n) -> m.put(s.label(), n));
    m.put("inputs", sum(counts));
    m.put("seconds", millis / 1000.0);
    m.put("message", message);
    // Paths as text (FileNames.display): the JVM may hold names one char per byte.
    m.put("output", FileNames.display(files.deid().toString()));
    m.put("mappingCsv", FileNames.display(files.mappingCsv().toString()));
    m.put("reportCsv", FileNames.display(files.reportCsv().toString()));
    m.put("notWritten", notWritten.rows());
    m.put("moreNotWritten", notWritten.more());
    return m;
  }

  synchronized boolean running() {
    return state == State.RUNNING;
  }

  /** The finished run's files, or null. */
  synchronized RunFiles files() {
    return files;
  }

  /** Stops a running pipeline (server shutdown). */
  void cancel() {
    PipelineResult r = result;
    if (r != null && running()) {
      try {
        r.cancel();
      } catch (IOException | RuntimeException e) {
        // shutting down anyway
      }
    }
  }
}
