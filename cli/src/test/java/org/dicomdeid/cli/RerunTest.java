package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reruns over an existing output: identical files untouched, different ones not replaced. */
class RerunTest {
  @TempDir Path dir;

  @Test
  void identicalOutputsAreLeftAloneAndADifferentOneNeedsOverwrite() throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(81L, 2, 1, 1, 3, 16, 16, false, false));
    String input = cohort.root().toString();
    Map<String, String> inputTree = Runs.tree(cohort.root());
    Map<Path, FileTime> inputTimes = mtimes(cohort.root());
    assertEquals(0, CliRuns.main(Runs.args(dir, input)).status());
    Path deid = dir.resolve("deid");
    Map<String, String> firstTree = Runs.tree(deid);
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    for (Path f : TreeChecks.files(deid)) {
      Files.setLastModifiedTime(f, old);
    }

    CliRuns.Result again = CliRuns.main(Runs.args(dir, input));
    assertEquals(0, again.status(), again.err());
    int dicom = cohort.filesOfKind(GeneratedFile.DICOM).size();
    assertTrue(
        again
            .out()
            .contains(": 0 written, " + dicom + " unchanged (identical output " + "already there)"),
        again.out());
    assertEquals(firstTree, Runs.tree(deid));
    for (Path f : TreeChecks.files(deid)) {
      assertEquals(old, Files.getLastModifiedTime(f), "identical output left alone: " + f);
    }

    GeneratedFile victim = cohort.filesOfKind(GeneratedFile.DICOM).get(0);
    Path out =
        deid.resolve(
            Runs.report(dir.resolve("phi/report.csv")).get(victim.path().toString()).get("output"));
    byte[] edited = Files.readAllBytes(out);
    edited[edited.length - 1] ^= 0x55;
    Files.write(out, edited);
    CliRuns.Result clash = CliRuns.main(Runs.args(dir, input));
    assertEquals(1, clash.status(), clash.err());
    Map<String, CSVRecord> report = Runs.report(dir.resolve("phi/report.csv"));
    CSVRecord row = report.get(victim.path().toString());
    assertEquals("failed", row.get("status"));
    assertEquals(
        "the output file exists with different content (rerun with --overwrite to " + "replace it)",
        row.get("reason"));
    assertArrayEquals(edited, Files.readAllBytes(out), "left as it was");
    assertEquals(
        cohort.filesOfKind(GeneratedFile.DICOM).size() - 1,
        report.values().stream().filter(r -> r.get("status").equals("unchanged")).count(),
        "the other files were identical: unchanged");

    CliRuns.Result overwrite = CliRuns.main(Runs.args(dir, input, "--overwrite"));
    assertEquals(0, overwrite.status(), overwrite.err());
    assertEquals(firstTree, Runs.tree(deid), "--overwrite puts this run's bytes back");

    assertEquals(inputTree, Runs.tree(cohort.root()), "the input tree is never modified");
    assertEquals(inputTimes, mtimes(cohort.root()));
  }

  @Test
  void outputMappingOrReportInsideTheInputIsRefused() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in/KU1_20200101"));
    String input = dir.resolve("in").toString();
    String[] base = {"--input=" + input, "--secretKeyFile=" + dir.resolve("k"), "--progress=false"};
    assertRefused(
        "overlap",
        base,
        "--output=" + in.resolve("deid"),
        "--mappingCsv=" + dir.resolve("m.csv"),
        "--reportCsv=" + dir.resolve("r.csv"));
    assertRefused(
        "--mappingCsv " + in.resolve("m.csv") + " is inside --input",
        base,
        "--output=" + dir.resolve("deid"),
        "--mappingCsv=" + in.resolve("m.csv"),
        "--reportCsv=" + dir.resolve("r.csv"));
    assertRefused(
        "--reportCsv " + in.resolve("r.csv") + " is inside --input",
        base,
        "--output=" + dir.resolve("deid"),
        "--mappingCsv=" + dir.resolve("m.csv"),
        "--reportCsv=" + in.resolve("r.csv"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), in);
    assertRefused(
        "is inside --input",
        base,
        "--output=" + dir.resolve("deid"),
        "--mappingCsv=" + link.resolve("m.csv"),
        "--reportCsv=" + dir.resolve("r.csv"));
    try (var s = Files.list(in)) {
      assertEquals(0, s.count(), "nothing was written into the input");
    }
  }

  private static void assertRefused(String message, String[] base, String... more) {
    String[] args = Stream.concat(Arrays.stream(base), Arrays.stream(more)).toArray(String[]::new);
    CliRuns.Result r = CliRuns.main(args);
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains(message), r.err());
  }

  private static Map<Path, FileTime> mtimes(Path root) throws Exception {
    Map<Path, FileTime> m = new TreeMap<>();
    for (Path f : TreeChecks.files(root)) {
      m.put(f, Files.getLastModifiedTime(f));
    }
    return m;
  }
}
