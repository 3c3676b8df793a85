package org.dicomdeid.pipeline.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.dicomdeid.pipeline.DeidPipeline;
import org.dicomdeid.transforms.FileNames;
import org.dicomdeid.transforms.Status;

/**
 * One run at a time: DeidPipeline.execute on the DirectRunner in a background thread, its live
 * counters while it runs, the report's summary after. The upload it read is deleted at its end.
 */
final class RunSlot {
  enum State { IDLE, RUNNING, DONE, ERROR }

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
  private ReportSummary summary;

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
    Files.createDirectories(runDir,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    List<String> args = request.args(input, runDir, defaultKey);
    RunFiles out = new RunFiles(runDir.resolve("deid"), Path.of(argValue(args, "--mappingCsv=")),
        runDir.resolve("report.csv"));
    state = State.RUNNING;
    result = null;
    summary = null;
    files = null;
    message = "";
    started = System.nanoTime();
    Thread t = new Thread(() -> execute(args, out, upload), "deid-run");
    t.setDaemon(true);
    t.start();
    return true;
  }

  private void execute(List<String> args, RunFiles out, Path upload) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
    State end;
    String msg;
    ReportSummary sum = null;
    try {
      int status = DeidPipeline.execute(args.toArray(String[]::new), ps, ps, r -> result = r);
      if (Files.exists(out.reportCsv())) {
        sum = ReportSummary.read(out.reportCsv(), upload);
        long notDicom = sum.counts().getOrDefault(Status.SKIPPED.label(), 0L);
        if (sum.inputs() == notDicom) {
          end = State.ERROR;
          msg = NO_DICOM + " (" + sum.inputs() + " files read, none of them DICOM)";
        } else {
          end = State.DONE;
          msg = status == 0 ? "finished" : "finished; some inputs failed (see the table)";
        }
      } else {
        end = State.ERROR;
        msg = problem(console.toString(StandardCharsets.UTF_8));
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
      summary = sum;
      files = end == State.DONE ? out : null;
      message = msg;
      state = end;
    }
  }

  /** The lines of the pipeline's own message ("bad options: ...", "pipeline failed: ..."). */
  private static String problem(String console) {
    StringBuilder b = new StringBuilder();
    for (String line : console.split("\n")) {
      if (line.startsWith("bad options:") || line.startsWith("pipeline failed:")) {
        b.append(b.length() == 0 ? "" : "; ").append(line);
      }
    }
    return b.length() == 0 ? "the run failed without a report" : b.toString();
  }

  private static String argValue(List<String> args, String name) {
    return args.stream().filter(a -> a.startsWith(name)).findFirst().orElseThrow()
        .substring(name.length());
  }

  /** What the page polls: state and counts; live metrics while running, the report after. */
  synchronized Map<String, Object> progress() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
    m.put("message", message);
    m.put("staged", staging.files());
    Map<String, Long> c = new LinkedHashMap<>();
    if (state == State.RUNNING && result != null) {
      c.putAll(LiveCounters.read(result));
    } else if (summary != null) {
      c.putAll(summary.counts());
      c.put("matched", summary.inputs());
    }
    long done = 0;
    for (Status s : Status.values()) {
      long v = c.getOrDefault(s.label(), 0L);
      m.put(s.label(), v);
      done += v;
    }
    m.put("matched", c.getOrDefault("matched", 0L));
    m.put("done", done);
    m.put("seconds", (state == State.RUNNING ? (System.nanoTime() - started) / 1_000_000
        : millis) / 1000.0);
    return m;
  }

  /** The finished run's summary, or null when there is none. */
  synchronized Map<String, Object> results() {
    if (state != State.DONE) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>(summary.counts());
    m.put("inputs", summary.inputs());
    m.put("seconds", millis / 1000.0);
    m.put("message", message);
    // Paths as text (FileNames.display): the JVM may hold names one char per byte.
    m.put("output", FileNames.display(files.deid().toString()));
    m.put("mappingCsv", FileNames.display(files.mappingCsv().toString()));
    m.put("reportCsv", FileNames.display(files.reportCsv().toString()));
    m.put("notWritten", summary.notWritten());
    m.put("moreNotWritten", summary.moreNotWritten());
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
