package org.dicomdeid.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/** The JSON endpoints and downloads behind the page. */
final class Api {
  private final Staging staging;
  private final RunSlot slot;

  Api(Staging staging, RunSlot slot) {
    this.staging = staging;
    this.slot = slot;
  }

  /** POST /api/upload-reset: forget a previous upload, start a new one. */
  void uploadReset(HttpExchange ex) throws IOException {
    if (refusedWhileRunning(ex)) {
      return;
    }
    staging.reset();
    Exchanges.json(ex, 200, Map.of("staged", 0));
  }

  /**
   * POST /api/upload?path=relative/name: the body is one file's bytes; a name ending in {@code
   * .zip} is unpacked (ZipUpload's rules).
   */
  void upload(HttpExchange ex) throws IOException {
    if (refusedWhileRunning(ex)) {
      return;
    }
    String name = Exchanges.query(ex.getRequestURI().getRawQuery()).get("path");
    Staging.relative(name);
    try (InputStream body = ex.getRequestBody()) {
      if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        staging.addZip(name, body);
      } else {
        staging.add(name, body);
      }
    }
    Exchanges.json(ex, 200, Map.of("staged", staging.files()));
  }

  /** POST /api/run (form): 202 started, 400 bad form, 409 a run is going on. */
  void run(HttpExchange ex) throws IOException {
    RunRequest request = RunRequest.parse(Exchanges.form(ex));
    if (!slot.start(request)) {
      refuse(ex);
      return;
    }
    Exchanges.json(ex, 202, Map.of("state", "running"));
  }

  /** GET /api/progress: polled every second by the page. */
  void progress(HttpExchange ex) throws IOException {
    Exchanges.json(ex, 200, slot.progress());
  }

  /** GET /api/results: the finished run's summary and the inputs not written. */
  void results(HttpExchange ex) throws IOException {
    Map<String, Object> r = slot.results();
    if (r == null) {
      Exchanges.error(ex, 409, "no finished run yet");
    } else {
      Exchanges.json(ex, 200, r);
    }
  }

  void zip(HttpExchange ex) throws IOException {
    RunSlot.RunFiles f = finished(ex);
    if (f != null) {
      Downloads.zip(ex, f.deid(), "deid.zip");
    }
  }

  void mapping(HttpExchange ex) throws IOException {
    RunSlot.RunFiles f = finished(ex);
    if (f != null) {
      Downloads.file(ex, f.mappingCsv(), "mapping-KEY-keep-with-research-lead.csv");
    }
  }

  void report(HttpExchange ex) throws IOException {
    RunSlot.RunFiles f = finished(ex);
    if (f != null) {
      Downloads.file(ex, f.reportCsv(), "report.csv");
    }
  }

  private RunSlot.RunFiles finished(HttpExchange ex) throws IOException {
    RunSlot.RunFiles f = slot.files();
    if (f == null) {
      Exchanges.error(ex, 409, "no finished run to download from");
    }
    return f;
  }

  private boolean refusedWhileRunning(HttpExchange ex) throws IOException {
    if (slot.running()) {
      refuse(ex);
      return true;
    }
    return false;
  }

  private static void refuse(HttpExchange ex) throws IOException {
    Exchanges.error(
        ex,
        409,
        "a run is already in progress: wait for it to finish, then start " + "the next one");
  }
}
