package org.dicomdeid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's endpoints over HTTP, against a server on a free port, runs on a generated cohort. */
class WebServerTest {
  @TempDir Path dir;
  private WebServer server;
  private WebClient client;

  @BeforeEach
  void start() throws Exception {
    server =
        WebServer.start(
            new WebConfig(0, dir.resolve("work"), dir.resolve("key/deid.key")), System.err);
    client = new WebClient(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void uploadedCohortRunsToDownloadsAndTheUploadIsDeleted() throws Exception {
    CohortManifest cohort = CohortGenerator.generate(dir.resolve("export"), CohortSpec.small());
    assertEquals(
        200,
        client.post("/api/upload-reset", true, HttpRequest.BodyPublishers.noBody()).statusCode());
    for (GeneratedFile f : cohort.files()) {
      String name = "export/" + cohort.root().relativize(f.path());
      assertEquals(200, client.upload(name, f.path()).statusCode(), name);
    }
    HttpResponse<String> started = client.form("/api/run", Map.of("source", "upload"));
    assertEquals(202, started.statusCode(), started.body());

    HttpResponse<String> second = client.form("/api/run", Map.of("source", "upload"));
    assertEquals(409, second.statusCode());
    assertTrue(second.body().contains("already in progress"), second.body());
    assertEquals(409, client.upload("late.dcm", cohort.files().get(0).path()).statusCode());

    String progress = WebChecks.awaitDone(client);
    HttpResponse<String> results = client.get("/api/results", true);
    assertEquals(200, results.statusCode());
    String r = results.body();
    long files = cohort.files().size();
    assertEquals(files, WebChecks.num(r, "inputs"));
    assertEquals(cohort.filesOfKind(GeneratedFile.DICOM).size(), WebChecks.num(r, "written"));
    assertEquals(
        cohort.filesOfKind(GeneratedFile.BURNED_IN).size(), WebChecks.num(r, "quarantined"));
    assertEquals(cohort.filesOfKind(GeneratedFile.BAD).size(), WebChecks.num(r, "failed"));
    assertEquals(cohort.filesOfKind(GeneratedFile.NOT_DICOM).size(), WebChecks.num(r, "skipped"));
    for (String k : List.of("written", "skipped", "quarantined", "failed")) {
      assertEquals(WebChecks.num(r, k), WebChecks.num(progress, k), k);
    }
    assertEquals(files, WebChecks.num(progress, "matched"));
    assertTrue(r.contains("\"input\":\"export/"), "not-written rows show upload-relative names");

    HttpResponse<byte[]> mapping = client.bytes("/download/mapping.csv");
    assertEquals(200, mapping.statusCode());
    String csv = new String(mapping.body(), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("subj,MRN,ct_date"), csv);
    HttpResponse<byte[]> zip = client.bytes("/download/deid.zip");
    assertEquals(200, zip.statusCode());
    assertEquals(WebChecks.num(r, "written"), WebChecks.checkZip(zip.body(), csv, "SUBJ", cohort));

    String report = new String(client.bytes("/download/report.csv").body(), StandardCharsets.UTF_8);
    String firstInput = report.split("\n")[1].split(",")[0];
    Path upload = Path.of(firstInput.substring(0, firstInput.indexOf("/export/")));
    assertFalse(Files.exists(upload), "the staged upload is deleted after the run");
  }

  @Test
  void optionsThePipelineRefusesComeBackAsItsOwnWords() throws Exception {
    Path export = Files.createDirectories(dir.resolve("export"));
    CohortGenerator.generate(export, CohortSpec.small());
    Path keyFolder = Files.createDirectories(dir.resolve("a-folder-not-a-key"));
    HttpResponse<String> started =
        client.form(
            "/api/run",
            Map.of(
                "source",
                "path",
                "inputPath",
                export.toString(),
                "secretKeyFile",
                keyFolder.toString()));
    assertEquals(202, started.statusCode(), started.body());
    String p = client.get("/api/progress", true).body();
    for (int i = 0; i < 360 && p.contains("\"state\":\"running\""); i++) {
      Thread.sleep(500);
      p = client.get("/api/progress", true).body();
    }
    assertTrue(p.contains("\"state\":\"error\""), p);
    assertTrue(p.contains("\"message\":\"bad options: --secretKeyFile"), p);
    assertEquals(409, client.get("/api/results", true).statusCode(), "no results to show");
  }

  @Test
  void folderPathRunUsesTheOptions() throws Exception {
    CohortManifest cohort = CohortGenerator.generate(dir.resolve("export"), CohortSpec.small());
    HttpResponse<String> started =
        client.form(
            "/api/run",
            Map.of(
                "source",
                "path",
                "inputPath",
                cohort.root().toString(),
                "subjectPrefix",
                "TRIAL",
                "dates",
                "keep",
                "allowBurnedIn",
                "true",
                "mappingCsv",
                dir.resolve("keep/mapping.csv").toString()));
    assertEquals(400, started.statusCode(), "the mapping's folder must exist");
    Files.createDirectories(dir.resolve("keep"));
    started =
        client.form(
            "/api/run",
            Map.of(
                "source",
                "path",
                "inputPath",
                cohort.root().toString(),
                "subjectPrefix",
                "TRIAL",
                "dates",
                "keep",
                "allowBurnedIn",
                "true",
                "mappingCsv",
                dir.resolve("keep/mapping.csv").toString()));
    assertEquals(202, started.statusCode(), started.body());
    WebChecks.awaitDone(client);
    String r = client.get("/api/results", true).body();
    assertEquals(0, WebChecks.num(r, "quarantined"), "burned-in files written when allowed");
    assertTrue(Files.exists(dir.resolve("keep/mapping.csv")), "the mapping goes where asked");
    String csv = Files.readString(dir.resolve("keep/mapping.csv"));
    byte[] zip = client.bytes("/download/deid.zip").body();
    assertEquals(WebChecks.num(r, "written"), WebChecks.checkZip(zip, csv, "TRIAL", cohort));
  }

  @Test
  void refusesRequestsWithoutTokenOrFromAnotherHost() throws Exception {
    HttpResponse<String> page = client.get("/", false);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(server.token()), "the page carries the token");
    assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
    for (String path :
        List.of(
            "/api/progress",
            "/api/results",
            "/download/deid.zip",
            "/download/mapping.csv",
            "/download/report.csv")) {
      assertEquals(403, client.get(path, false).statusCode(), path);
    }
    for (String path : List.of("/api/run", "/api/upload-reset", "/api/upload?path=a.dcm")) {
      assertEquals(
          403,
          client.post(path, false, HttpRequest.BodyPublishers.ofString("x")).statusCode(),
          path);
    }
    assertTrue(client.statusLineWithHost("/", "evil.example:" + server.port()).contains(" 403"));
    assertTrue(client.statusLineWithHost("/api/progress", "127.0.0.1:1").contains(" 403"));
    assertTrue(client.statusLineWithHost("/", "localhost:" + server.port()).contains(" 200"));
    assertEquals(404, client.get("/etc/passwd", false).statusCode());
    assertEquals(404, client.get("/download/deid.zip/../../x", true).statusCode());
    assertEquals(409, client.get("/download/mapping.csv", true).statusCode(), "no run yet");
    assertEquals(405, client.get("/api/run", true).statusCode());
  }

  @Test
  void refusesUploadNamesThatLeaveTheFolder() throws Exception {
    Path f = Files.writeString(dir.resolve("f.dcm"), "x");
    for (String bad :
        List.of(
            "../escape.dcm",
            "a/../../escape.dcm",
            "/etc/x.dcm",
            "a\\b.dcm",
            "C:/x.dcm",
            "a//b.dcm",
            "./a.dcm",
            "a/..",
            "")) {
      HttpResponse<String> r = client.upload(bad, f);
      assertEquals(400, r.statusCode(), bad + ": " + r.body());
    }
    assertEquals(200, client.upload("folder/sub/ok.dcm", f).statusCode());
    assertEquals(400, client.upload("folder/sub/ok.dcm", f).statusCode(), "same name twice");
    assertEquals(
        400,
        client
            .form(
                "/api/run",
                Map.of("source", "path", "inputPath", dir.resolve("missing").toString()))
            .statusCode());
    assertEquals(
        400,
        client.form("/api/run", Map.of("source", "upload", "subjectPrefix", "9bad")).statusCode());
    try (Stream<Path> s = Files.walk(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("escape.dcm")));
    }
  }
}
