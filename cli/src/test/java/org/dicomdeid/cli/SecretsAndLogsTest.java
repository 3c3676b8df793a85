package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PHI-side files are owner-only, and nothing a run prints or logs carries PHI. */
class SecretsAndLogsTest {
  @TempDir Path dir;

  @Test
  void keyMappingAndReportAreOwnerOnlyAndReadableOnesAreWarnedAbout() throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(91L, 1, 1, 1, 2, 16, 16, false, false));
    String[] args = Runs.args(dir, cohort.root().toString());
    CliRuns.Result first = CliRuns.main(args);
    assertEquals(0, first.status(), first.err());
    assertFalse(first.err().contains("WARNING"), first.err());
    List<Path> phi =
        List.of(
            dir.resolve("phi/secret.key"),
            dir.resolve("phi/mapping.csv"),
            dir.resolve("phi/report.csv"));
    for (Path f : phi) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
          f.toString());
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    }
    CliRuns.Result second = CliRuns.main(args);
    assertEquals(0, second.status(), second.err());
    for (Path f : phi) {
      assertTrue(
          second.err().contains("WARNING: " + f + " is readable by other users"), second.err());
    }
    for (Path f : phi.subList(1, 3)) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
          "rewritten owner-only: " + f);
    }
  }

  @Test
  void aWholeRunLogsNoPlantedPhi() throws Exception {
    CohortManifest cohort = CohortGenerator.generate(dir.resolve("export"), CohortSpec.small());
    Path log = dir.resolve("run.log");
    // the child's stdout and stderr: println, slf4j-simple and java.util.logging all end there
    List<String> command =
        ChildJvm.command(
            List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"),
            Main.class,
            Arrays.stream(Runs.args(dir, cohort.root().toString()))
                .map(a -> a.equals("--progress=false") ? "--progress=true" : a)
                .toArray(String[]::new));
    Process p = ChildJvm.start(command, log);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "run finished");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), text);
    assertTrue(text.contains("input(s) failed") && text.contains("done in"), text);
    List<String> needles = new ArrayList<>(cohort.plantedPhi());
    needles.addAll(cohort.mrns());
    for (String phi : needles) {
      assertFalse(text.contains(phi), "planted PHI in the run's output: " + phi);
    }
  }
}
