package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.transforms.StaleTemps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL while it writes: the previous mapping and report are untouched, every
 * output under its real name is complete, and a rerun ends with what an uninterrupted run gives.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void aRunKilledMidWayLeavesNoPartialOutputAndARerunFinishesTheJob() throws Exception {
    Path first =
        CohortGenerator.generate(
                dir.resolve("first"), new CohortSpec(71L, 2, 1, 1, 2, 16, 16, false, false))
            .root();
    Path second =
        CohortGenerator.generate(
                dir.resolve("second"), new CohortSpec(72L, 12, 1, 2, 10, 64, 64, false, false))
            .root();
    Path killed = dir.resolve("killed");
    CliRuns.Result one = CliRuns.main(Runs.args(killed, first.toString()));
    assertEquals(0, one.status(), one.err());
    byte[] mapping = Files.readAllBytes(killed.resolve("phi/mapping.csv"));
    byte[] report = Files.readAllBytes(killed.resolve("phi/report.csv"));
    Path clean = dir.resolve("clean");
    Files.createDirectories(clean.resolve("phi"));
    for (String f : List.of("secret.key", "mapping.csv")) {
      Files.copy(killed.resolve("phi").resolve(f), clean.resolve("phi").resolve(f));
    }

    String both = first + "," + second;
    Process p =
        ChildJvm.start(
            ChildJvm.command(List.of("-Xmx512m"), Main.class, Runs.args(killed, both)),
            dir.resolve("killed.log"));
    int before = dcmFiles(killed.resolve("deid")).size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (dcmFiles(killed.resolve("deid")).size() <= before) {
      if (!p.isAlive()) {
        fail(
            "the run ended before it wrote a file, so it could not be killed mid-way: "
                + Files.readString(dir.resolve("killed.log")));
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        fail("no output after 120 s");
      }
      Thread.sleep(5);
    }
    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, p.exitValue(), "killed by SIGKILL");

    assertArrayEquals(
        mapping,
        Files.readAllBytes(killed.resolve("phi/mapping.csv")),
        "the previous mapping is byte-identical");
    assertArrayEquals(
        report,
        Files.readAllBytes(killed.resolve("phi/report.csv")),
        "the previous report is byte-identical");
    List<Path> outputs = dcmFiles(killed.resolve("deid"));
    for (Path f : outputs) {
      TreeChecks.parsesFully(f); // a file under its real name is complete
    }
    int all = 4 + 12 * 2 * 10;
    assertTrue(outputs.size() < all, "killed before the end: " + outputs.size() + " of " + all);

    // what a kill during a write leaves, whether or not this kill happened to: planted for sure
    Path staleOutput =
        Files.writeString(
            outputs
                .get(0)
                .resolveSibling(
                    "."
                        + outputs.get(0).getFileName()
                        + ".0b5e3f4c-1d2e-4f60-8a9b-0c1d2e3f4a5b.tmp"),
            "par");
    Path staleMapping = Files.writeString(killed.resolve("phi/.mapping.csv.8231947.tmp"), "su");
    CliRuns.Result rerun = CliRuns.main(Runs.args(killed, both));
    assertTrue(Files.notExists(staleOutput) && Files.notExists(staleMapping));
    assertEquals(0, rerun.status(), rerun.err());
    CliRuns.Result uninterrupted = CliRuns.main(Runs.args(clean, both));
    assertEquals(0, uninterrupted.status(), uninterrupted.err());
    assertEquals(Runs.tree(clean.resolve("deid")), Runs.tree(killed.resolve("deid")));
    assertEquals(all, Runs.tree(killed.resolve("deid")).size());
    assertEquals(
        Files.readString(clean.resolve("phi/mapping.csv")),
        Files.readString(killed.resolve("phi/mapping.csv")));
    // the files the killed run had written are unchanged in the rerun's report
    assertEquals(
        Files.readString(clean.resolve("phi/report.csv")),
        Files.readString(killed.resolve("phi/report.csv")).replace(",unchanged,", ",written,"));
    try (Stream<Path> s = Files.walk(killed)) {
      assertEquals(
          List.of(),
          s.filter(f -> StaleTemps.isTemp(f.getFileName().toString())).toList(),
          "the rerun removed the killed run's temporary files");
    }
  }

  private static List<Path> dcmFiles(Path root) throws Exception {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    while (true) {
      try (Stream<Path> s = Files.walk(root)) {
        return s.filter(f -> f.getFileName().toString().endsWith(".dcm") && Files.isRegularFile(f))
            .toList();
      } catch (UncheckedIOException e) {
        // While the run writes, a temporary file can be renamed away between the folder's
        // listing and the walk's look at it: list again.
        if (!(e.getCause() instanceof NoSuchFileException)) {
          throw e;
        }
      }
    }
  }
}
