package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.dicom.ExternalTools;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.transforms.FileNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every regular file of an awkward export gets one report row, whatever bytes its name holds and
 * whatever the user's locale, when Java is started as the run scripts start it
 * (run-configs/bytes-locale.sh); each row's path turns back into the file's exact bytes. Without
 * that locale, names Java cannot hold are failed with the reason, never dropped. Links: each real
 * file read once, a loop reported once, exit 0. The pipeline runs in child JVMs: the locale is
 * fixed when a JVM starts.
 */
class AwkwardExportTest {
  @TempDir static Path dir;
  private static Map<String, String> bytesLocale;

  @BeforeAll
  static void buildTrees() throws Exception {
    Path script = Path.of("").toAbsolutePath().getParent().resolve("run-configs/bytes-locale.sh");
    Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    bytesLocale = new HashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.matches("[A-Z_]+=.*")) {
        bytesLocale.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    ExternalTools.require(
        bytesLocale.containsKey("LOCPATH"),
        "cannot build the byte-preserving locale (" + out.trim() + "): apt-get install locales");
    Process b = start("C", true, dir.resolve("build.log"), AwkwardTree.class, dir.toString());
    assertEquals(0, b.waitFor(), Files.readString(dir.resolve("build.log")));
  }

  @Test
  void everyFileOfTheAwkwardExportIsReportedOnceAndReversiblyUnderCAndCUtf8() throws Exception {
    List<byte[]> files = hexLines(dir.resolve("export.hex"));
    assertTrue(files.size() >= 40, "the tree holds the cohort");
    for (String lang : new String[] {"C", "C.UTF-8"}) {
      Path run = dir.resolve("run-" + lang);
      int status = pipeline(lang, true, run, dir.resolve(AwkwardTree.EXPORT).toString());
      List<CSVRecord> rows = rows(run);
      assertEquals(files.size(), rows.size(), "LANG=" + lang + ": one row per regular file");
      TreeSet<String> expected = new TreeSet<>();
      files.forEach(f -> expected.add(HexFormat.of().formatHex(f)));
      TreeSet<String> reported = new TreeSet<>();
      for (CSVRecord r : rows) {
        reported.add(HexFormat.of().formatHex(FileNames.bytes(r.get("input"))));
        assertTrue(!r.get("reason").startsWith("cannot be opened by name"), r.get("reason"));
      }
      assertEquals(expected, reported, "LANG=" + lang + ": each row gives back the file's bytes");
      assertEquals(1, status, "the sample's planted broken files fail");
      assertTrue(rows.stream().filter(r -> r.get("status").equals("written")).count() > 25);
    }
  }

  @Test
  void withoutTheByteLocaleNamesJavaCannotHoldAreFailedNotDropped() throws Exception {
    List<byte[]> files = hexLines(dir.resolve("export.hex"));
    Path run = dir.resolve("run-plain-C");
    int status = pipeline("C", false, run, dir.resolve(AwkwardTree.EXPORT).toString());
    List<CSVRecord> rows = rows(run);
    assertEquals(files.size(), rows.size(), "one row per regular file");
    long unopenable =
        rows.stream().filter(r -> r.get("reason").startsWith("cannot be opened by name")).count();
    assertTrue(unopenable > 0, "some names are not ASCII");
    assertEquals(1, status);
  }

  @Test
  void aLinkLoopIsReportedOnceAndEachRealFileIsReadOnce() throws Exception {
    List<byte[]> files = hexLines(dir.resolve("loops.hex"));
    Path run = dir.resolve("run-loops");
    int status = pipeline("C.UTF-8", true, run, dir.resolve("loops").toString());
    List<CSVRecord> rows = rows(run);
    assertEquals(0, status, "nothing failed");
    List<String> written = new ArrayList<>();
    int loops = 0;
    int again = 0;
    for (CSVRecord r : rows) {
      if (r.get("status").equals("written")) {
        written.add(HexFormat.of().formatHex(FileNames.bytes(r.get("input"))));
      } else if (r.get("reason").startsWith("symbolic link loop")) {
        loops++;
        assertTrue(r.get("input").endsWith("/zz/loop"), r.get("input"));
      } else {
        assertTrue(r.get("reason").startsWith("the same file as "), r.get("reason"));
        again++;
      }
    }
    TreeSet<String> expected = new TreeSet<>();
    files.forEach(f -> expected.add(HexFormat.of().formatHex(f)));
    assertEquals(expected, new TreeSet<>(written), "each real file written once, by its path");
    assertEquals(files.size(), written.size());
    assertEquals(1, loops, "the loop once");
    assertEquals(4, again, "3 files through zz/again, twin.dcm: each once more, skipped");
  }

  private static int pipeline(String lang, boolean byteLocale, Path run, String input)
      throws Exception {
    Files.createDirectories(run);
    Process p = start(lang, byteLocale, run.resolve("run.log"), Main.class, Runs.args(run, input));
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run ends");
    return p.exitValue();
  }

  private static Process start(
      String lang, boolean byteLocale, Path log, Class<?> main, String... args) throws IOException {
    List<String> options = new ArrayList<>(List.of("-Xmx512m"));
    if (byteLocale) {
      options.add(bytesLocale.get("JAVA_TEXT_OPTS"));
    }
    ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(options, main, args));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE"));
    env.put("LANG", lang);
    if (byteLocale) {
      env.put("LOCPATH", bytesLocale.get("LOCPATH"));
      env.put("LC_ALL", bytesLocale.get("LC_ALL"));
    }
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  private static List<CSVRecord> rows(Path run) throws IOException {
    Path report = run.resolve("phi/report.csv");
    assertTrue(Files.exists(report), Files.readString(run.resolve("run.log")));
    List<CSVRecord> rows = new ArrayList<>();
    try (var r = Files.newBufferedReader(report);
        var p =
            CSVParser.parse(
                r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      p.forEach(rows::add);
    }
    return rows;
  }

  private static List<byte[]> hexLines(Path file) throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      out.add(HexFormat.of().parseHex(line));
    }
    return out;
  }
}
