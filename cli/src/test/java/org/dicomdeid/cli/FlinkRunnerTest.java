package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded FlinkRunner (flink-local.sh) gives the DirectRunner's bytes. Also catches what only
 * Flink enforces, such as iterating a GroupByKey result twice.
 */
class FlinkRunnerTest {
  @TempDir Path dir;

  @Test
  void flinkWritesTheSameBytesAsTheDirectRunner() throws Exception {
    CohortManifest cohort = CohortGenerator.generate(dir.resolve("export"), CohortSpec.small());
    String input = cohort.root().toString();
    Path direct = dir.resolve("direct");
    Path flink = dir.resolve("flink");
    CliRuns.Result a = CliRuns.main(Runs.args(direct, input));
    Files.createDirectories(flink.resolve("phi"));
    Files.copy(direct.resolve("phi/secret.key"), flink.resolve("phi/secret.key"));
    CliRuns.Result b =
        CliRuns.main(
            Runs.args(
                flink, input, "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
    assertEquals(1, a.status(), a.err());
    assertEquals(1, b.status(), b.err());
    Map<String, String> tree = Runs.tree(direct.resolve("deid"));
    assertFalse(tree.isEmpty());
    assertEquals(tree, Runs.tree(flink.resolve("deid")));
    assertEquals(
        Files.readString(direct.resolve("phi/mapping.csv")),
        Files.readString(flink.resolve("phi/mapping.csv")));
    assertEquals(
        Files.readString(direct.resolve("phi/report.csv")),
        Files.readString(flink.resolve("phi/report.csv")));
  }
}
