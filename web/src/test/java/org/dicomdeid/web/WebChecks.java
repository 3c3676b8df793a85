package org.dicomdeid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.sample.CohortManifest;

/** What the web tests check in answers: JSON numbers, the progress loop, the zip's files. */
final class WebChecks {
  private WebChecks() {}

  static long num(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return Long.parseLong(m.group(1));
  }

  /** Polls the progress every 500 ms until the run is no longer running; returns the last. */
  static String awaitDone(WebClient client) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      String p = client.get("/api/progress", true).body();
      if (!p.contains("\"state\":\"running\"")) {
        assertTrue(p.contains("\"state\":\"done\""), p);
        return p;
      }
      Thread.sleep(500);
    }
    fail("the run did not finish in 180 s");
    return null;
  }

  /**
   * Checks every .dcm in the zip: PatientID is a subject of the mapping with the prefix,
   * PatientName is subject_CT date of one of its rows, no planted PHI in the bytes. Returns the
   * number of .dcm entries.
   */
  static long checkZip(byte[] zip, String mappingCsv, String prefix, CohortManifest cohort)
      throws IOException {
    Map<String, Set<String>> datesBySubject = new HashMap<>();
    for (String line : mappingCsv.split("\n")) {
      String[] c = line.split(",");
      if (!c[0].equals("subj")) {
        datesBySubject.computeIfAbsent(c[0], k -> new HashSet<>()).add(c[2].trim());
      }
    }
    long dcm = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] b = in.readAllBytes();
        for (String phi : cohort.plantedPhi()) {
          assertFalse(e.getName().contains(phi), "planted PHI in a zip entry name");
          assertFalse(
              new String(b, StandardCharsets.ISO_8859_1).contains(phi),
              "planted PHI in " + e.getName());
        }
        if (!e.getName().endsWith(".dcm")) {
          continue;
        }
        dcm++;
        String[] idName = patientIdAndName(b);
        assertTrue(idName[0].matches(prefix + "\\d+"), idName[0]);
        assertTrue(datesBySubject.containsKey(idName[0]), idName[0] + " in the mapping");
        String date = idName[1].substring(idName[1].indexOf('_') + 1);
        assertEquals(idName[0] + "_" + date, idName[1]);
        assertTrue(datesBySubject.get(idName[0]).contains(date), idName[1]);
      }
    }
    return dcm;
  }

  private static String[] patientIdAndName(byte[] file) throws IOException {
    String[] v = Runs.patientIdAndName(new ByteArrayInputStream(file), file.length);
    return new String[] {v[0] == null ? "" : v[0], v[1] == null ? "" : v[1]};
  }
}
