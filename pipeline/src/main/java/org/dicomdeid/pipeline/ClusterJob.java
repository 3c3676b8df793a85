package org.dicomdeid.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's job on a Flink cluster, seen through the cluster's REST API (Flink 1.19 {@code
 * /jobs/overview}, {@code /jobs/<id>}): its state and progress for the console while {@code run()}
 * blocks, and its cancellation when the client is stopped (Ctrl-C): the job would otherwise keep
 * running on the cluster. Found by its name (Beam's --jobName); reads names and counts only.
 */
final class ClusterJob implements AutoCloseable {
  private static final Pattern ADDRESS = Pattern.compile("(https?://)?[A-Za-z0-9._-]+:[0-9]+");

  /** The pipeline's step names inside Flink's vertex names ("... at ExtractHeaders/..."). */
  private static final Pattern STEP = Pattern.compile("at ([A-Za-z]+)/");

  private final URI rest;
  private final String jobName;
  private final Consumer<String> console;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Thread cancelOnExit;

  /** When the rewrite was first seen under way, and its count then: the rate's origin. */
  private long rateStartNanos;

  private long rateStartCount = -1;

  private ClusterJob(URI rest, String jobName, Consumer<String> console) {
    this.rest = rest;
    this.jobName = jobName;
    this.console = console;
    this.cancelOnExit = new Thread(this::cancel, "cancel-flink-job");
    Runtime.getRuntime().addShutdownHook(cancelOnExit);
  }

  /**
   * Watches the job of {@code jobName} on the cluster at {@code flinkMaster}; null when that is not
   * a REST address (embedded Flink: {@code [local]}, {@code [auto]}).
   */
  static ClusterJob watch(String flinkMaster, String jobName, Consumer<String> console) {
    if (flinkMaster == null || !ADDRESS.matcher(flinkMaster).matches()) {
      return null;
    }
    String base = flinkMaster.startsWith("http") ? flinkMaster : "http://" + flinkMaster;
    return new ClusterJob(URI.create(base + "/"), jobName, console);
  }

  /** One line on the job: state, tasks finished, the steps running and records they read. */
  String describe() {
    try {
      JsonNode job = ourJob();
      if (job == null) {
        return "submitting the job to " + rest + " (uploading the jar)";
      }
      JsonNode tasks = job.path("tasks");
      StringBuilder b =
          new StringBuilder(
              String.format(
                  "cluster job %s, tasks %d of %d" + " finished",
                  job.path("state").asText(),
                  tasks.path("finished").asInt(),
                  tasks.path("total").asInt()));
      JsonNode detail = get("jobs/" + job.path("jid").asText());
      Set<String> running = new LinkedHashSet<>();
      long read = 0;
      for (JsonNode v : detail.path("vertices")) {
        if (!"RUNNING".equals(v.path("status").asText())) {
          continue;
        }
        Matcher m = STEP.matcher(v.path("name").asText());
        while (m.find()) {
          running.add(m.group(1));
        }
        read += v.path("metrics").path("read-records").asLong();
      }
      long[] counts = counts(detail.path("vertices"));
      if (counts != null) {
        b.append(" | ").append(format(counts)).append(rate(counts));
      }
      if (!running.isEmpty()) {
        b.append("; running ")
            .append(String.join(", ", running))
            .append(String.format(" (%d records in)", read));
      }
      return b.toString();
    } catch (IOException e) {
      return "the cluster's REST API does not answer (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * The pipeline's phases, counted in files from the job's vertices: the count of each is the
   * records written by the vertices whose chain ends with that step, summed over their subtasks
   * (Flink 1.19's batch plan ends a chain at a step with several outputs: the matching and the
   * header reads give one record per file, and the rewrite's first output, its outcomes, one per
   * file done). The job detail holds these counts live and keeps them when a vertex has finished;
   * Beam's own counters reach a batch job's REST API only when it ends.
   */
  private static final String[][] PHASES = {
    {"matched", "at ExtractHeaders/MatchFiles)"},
    {"headers read", "at ExtractHeaders/ReadHeaders)"},
    {"rewritten", "at RewriteFiles/Deidentify.out0)"}
  };

  /**
   * "matched N | headers read N | rewritten N" from the job detail's vertices; a phase whose vertex
   * has not started counts 0; "" when none of the phases is in the plan.
   */
  static String fileCounts(JsonNode vertices) {
    long[] counts = counts(vertices);
    return counts == null ? "" : format(counts);
  }

  /** "matched N | headers read N | rewritten N". */
  private static String format(long[] counts) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < PHASES.length; i++) {
      parts.add(PHASES[i][0] + " " + counts[i]);
    }
    return String.join(" | ", parts);
  }

  /** Files per phase (PHASES' order), or null when none of the phases is in the plan. */
  static long[] counts(JsonNode vertices) {
    long[] counts = new long[PHASES.length];
    boolean any = false;
    for (JsonNode v : vertices) {
      String name = v.path("name").asText();
      for (int i = 0; i < PHASES.length; i++) {
        if (name.endsWith(PHASES[i][1])) {
          counts[i] += v.path("metrics").path("write-records").asLong();
          any = true;
        }
      }
    }
    return any ? counts : null;
  }

  /** ", N files/s | ETA T s" once the rewrite has gone on for 10 s; else "". */
  private String rate(long[] counts) {
    long done = counts[2];
    long now = System.nanoTime();
    if (done == 0) {
      return "";
    }
    if (rateStartCount < 0) {
      rateStartCount = done;
      rateStartNanos = now;
      return "";
    }
    double seconds = (now - rateStartNanos) / 1e9;
    if (seconds < 10 || done <= rateStartCount) {
      return "";
    }
    double perSecond = (done - rateStartCount) / seconds;
    long left = Math.max(0, counts[0] - done);
    return String.format(", %.0f files/s | ETA %.0f s", perSecond, left / perSecond);
  }

  /** Cancels the job if it is still running (the shutdown hook: Ctrl-C on the client). */
  void cancel() {
    try {
      JsonNode job = ourJob();
      if (job == null || isFinal(job.path("state").asText())) {
        return;
      }
      String jid = job.path("jid").asText();
      console.accept("stopping: cancelling job " + jid + " on the cluster " + rest);
      HttpRequest patch =
          HttpRequest.newBuilder(rest.resolve("jobs/" + jid + "?mode=cancel"))
              .timeout(Duration.ofSeconds(10))
              .method("PATCH", HttpRequest.BodyPublishers.noBody())
              .build();
      int status = http.send(patch, HttpResponse.BodyHandlers.discarding()).statusCode();
      console.accept(
          status / 100 == 2
              ? "job " + jid + " cancelled"
              : "the cluster answered " + status + " to the cancel; see " + rest + "#/overview");
    } catch (IOException e) {
      console.accept("could not cancel the job on " + rest + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The newest job of our name, or null. */
  private JsonNode ourJob() throws IOException, InterruptedException {
    JsonNode newest = null;
    for (JsonNode j : get("jobs/overview").path("jobs")) {
      if (jobName.equals(j.path("name").asText())
          && (newest == null
              || j.path("start-time").asLong() > newest.path("start-time").asLong())) {
        newest = j;
      }
    }
    return newest;
  }

  private static boolean isFinal(String state) {
    return Set.of("FINISHED", "CANCELED", "FAILED", "CANCELLING").contains(state);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    return json.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The run is over: a later exit must not cancel anything. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(cancelOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
