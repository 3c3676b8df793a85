package org.dicomdeid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .zip uploads: unpacked inside the upload folder only, within the size rules, and run. */
class ZipUploadTest {
  @TempDir Path dir;

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path z = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(z);
        ZipOutputStream zo = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zo.putNextEntry(new ZipEntry(e.getKey()));
        zo.write(e.getValue());
        zo.closeEntry();
      }
    }
    return z;
  }

  private List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void entriesLandInsideTheFolderOwnerOnly() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("export/", new byte[0]);
    entries.put("export/a/1.dcm", new byte[] {1});
    entries.put("./export/b/2.dcm", new byte[] {2, 2});
    Path into = Files.createDirectories(dir.resolve("into"));
    assertEquals(2, ZipUpload.unpack(zip("ok.zip", entries), into));
    assertEquals(
        List.of(into.resolve("export/a/1.dcm"), into.resolve("export/b/2.dcm")),
        filesUnder(into).stream().sorted().toList());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(into.resolve("export/a/1.dcm"))));
  }

  @Test
  void namesThatLeaveTheFolderAndZipBombsAreRefused() throws Exception {
    Path into = Files.createDirectories(dir.resolve("box/into"));
    for (String bad :
        List.of(
            "../evil.dcm", "a/../../evil.dcm", "/etc/evil.dcm", "C:/evil.dcm", "a\\..\\evil.dcm")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ZipUpload.unpack(zip("bad.zip", Map.of(bad, new byte[] {1})), into),
              bad);
      assertTrue(e.getMessage().startsWith("the zip holds an unsafe file name"), e.getMessage());
      Files.delete(dir.resolve("bad.zip"));
    }
    assertEquals(List.of(), filesUnder(dir.resolve("box")), "nothing written anywhere");

    byte[] zeros = new byte[8 << 20]; // deflates about a thousand times
    IllegalArgumentException bomb =
        assertThrows(
            IllegalArgumentException.class,
            () -> ZipUpload.unpack(zip("bomb.zip", Map.of("zeros.dcm", zeros)), into));
    assertTrue(
        bomb.getMessage()
            .contains("more than " + ZipUpload.MAX_RATIO + " times its " + "compressed size"),
        bomb.getMessage());
  }

  @Test
  void aZippedCohortRunsAndAZipWithoutDicomIsAFailureWithTheReason() throws Exception {
    CohortManifest cohort = CohortGenerator.generate(dir.resolve("export"), CohortSpec.small());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (GeneratedFile f : cohort.files()) {
      entries.put("export/" + cohort.root().relativize(f.path()), Files.readAllBytes(f.path()));
    }
    Path cohortZip = zip("cohort.zip", entries);
    Path notes = zip("notes.zip", Map.of("notes/a.txt", "not DICOM".getBytes()));
    try (WebServer server =
        WebServer.start(
            new WebConfig(0, dir.resolve("work"), dir.resolve("key/deid.key")), System.err)) {
      WebClient client = new WebClient(server);
      client.post("/api/upload-reset", true, HttpRequest.BodyPublishers.noBody());
      HttpResponse<String> up = client.upload("cohort.zip", cohortZip);
      assertEquals(200, up.statusCode(), up.body());
      assertEquals(cohort.files().size(), WebChecks.num(up.body(), "staged"));
      assertEquals(202, client.form("/api/run", Map.of("source", "upload")).statusCode());
      String done = WebChecks.awaitDone(client);
      assertEquals(cohort.filesOfKind(GeneratedFile.DICOM).size(), WebChecks.num(done, "written"));

      HttpResponse<String> traversal =
          client.upload("evil.zip", zip("evil.zip", Map.of("../../evil.dcm", new byte[] {1})));
      assertEquals(400, traversal.statusCode());
      assertTrue(traversal.body().contains("unsafe file name"), traversal.body());

      client.post("/api/upload-reset", true, HttpRequest.BodyPublishers.noBody());
      assertEquals(200, client.upload("notes.zip", notes).statusCode());
      assertEquals(202, client.form("/api/run", Map.of("source", "upload")).statusCode());
      String p = client.get("/api/progress", true).body();
      for (int i = 0; i < 360 && p.contains("\"state\":\"running\""); i++) {
        Thread.sleep(500);
        p = client.get("/api/progress", true).body();
      }
      assertTrue(p.contains("\"state\":\"error\""), p);
      assertTrue(p.contains(RunSlot.NO_DICOM + " (1 files read, none of them DICOM)"), p);
      assertEquals(409, client.get("/api/results", true).statusCode(), "no results to show");
    }
    assertFalse(Files.exists(dir.resolve("evil.dcm")) || Files.exists(dir.resolve("../evil.dcm")));
  }
}
