package org.dicomdeid.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.dicomdeid.transforms.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed run API: settings from plain values, a listener, a summary or a typed failure. */
class DeidRunTest {
  @TempDir Path dir;

  private DeidSettings.Builder settings(Path in) {
    return DeidSettings.builder()
        .input(in.toString())
        .output(dir.resolve("deid").toString())
        .mappingCsv(dir.resolve("phi/mapping.csv").toString())
        .reportCsv(dir.resolve("phi/report.csv").toString())
        .secretKeyFile(dir.resolve("phi/secret.key").toString());
  }

  private static PipelineOptions quietDirect() {
    PipelineOptions runner = PipelineOptionsFactory.create();
    runner.as(DeidOptions.class).setProgress(false);
    return runner;
  }

  private Path inputWithOneTextFile() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("notes.txt"), "not DICOM");
    return in;
  }

  @Test
  void aRunTellsItsListenerAndReturnsTheReportsCounts() throws Exception {
    DeidSettings s = settings(inputWithOneTextFile()).build();
    assertTrue(s.keyCreated());
    List<String> heard = new ArrayList<>();
    RunSummary summary =
        DeidRun.run(
            s,
            quietDirect(),
            new RunListener() {
              @Override
              public void keyCreated(String secretKeyFile) {
                heard.add("key " + secretKeyFile);
              }

              @Override
              public void started(PipelineResult running) {
                assertNotNull(running);
                heard.add("started");
              }

              @Override
              public void progress(String line) {
                heard.add("progress");
              }
            });
    assertEquals(List.of("key " + dir.resolve("phi/secret.key"), "started"), heard);
    assertEquals(1, summary.inputs());
    assertEquals(1, summary.count(Status.SKIPPED));
    assertEquals(dir.resolve("phi/report.csv").toString(), summary.reportCsv());
  }

  @Test
  void theBuilderChecksAsTheCommandLineDoes() throws Exception {
    Path in = inputWithOneTextFile();
    BadOptionsException prefix =
        assertThrows(BadOptionsException.class, () -> settings(in).subjectPrefix("a/b").build());
    assertTrue(prefix.getMessage().startsWith("--subjectPrefix must be"), prefix.getMessage());
    BadOptionsException missing =
        assertThrows(BadOptionsException.class, () -> settings(in).output(null).build());
    assertTrue(missing.getMessage().startsWith("--output is required"), missing.getMessage());
    assertTrue(DeidSettings.isSubjectPrefix(DeidSettings.DEFAULT_SUBJECT_PREFIX));
  }

  @Test
  void aPipelineThatFailsIsARunFailure() throws Exception {
    DeidSettings s = settings(inputWithOneTextFile()).build();
    Files.createDirectories(Path.of(s.reportCsv())); // the report cannot replace a folder
    RunFailedException e =
        assertThrows(
            RunFailedException.class, () -> DeidRun.run(s, quietDirect(), new RunListener() {}));
    // the root cause by its class and message, e.g. "FileSystemException: ...: Is a directory"
    assertTrue(e.getMessage().startsWith("FileSystemException: "), e.getMessage());
  }
}
