package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both sinks, on one local folder: the same names, bytes, permissions and clean-up. */
class FileSinkTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(OutputTreeTest.Sink.class)
  void aTemporaryFileBesideTheTargetIsRenamedOverIt(OutputTreeTest.Sink s) throws Exception {
    FileSink sink = s.sink;
    ResourceId target = PhiFiles.resource(dir.resolve("sub/report.csv").toString());
    ResourceId temp = FileSink.tempBeside(target, "run");
    String name = temp.getFilename();
    assertTrue(name.startsWith(".report.csv.run.") && StaleTemps.isTemp(name), name);
    assertEquals(temp.getCurrentDirectory(), target.getCurrentDirectory());
    assertEquals(-1, sink.size(target));
    write(sink, temp, true, "a,b\n");
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(temp.toString()))),
        "owner-only from the start");
    assertEquals(4, sink.size(temp));
    sink.rename(temp, target);
    assertArrayEquals("a,b\n".getBytes(), Files.readAllBytes(dir.resolve("sub/report.csv")));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("sub/report.csv"))));

    ResourceId second = FileSink.tempBeside(target, "");
    assertTrue(
        second.getFilename().startsWith(".report.csv.") && StaleTemps.isTemp(second.getFilename()));
    write(sink, second, true, "c\n");
    sink.rename(second, target);
    assertArrayEquals(
        "c\n".getBytes(),
        Files.readAllBytes(dir.resolve("sub/report.csv")),
        "a rerun replaces the target");
    try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
      assertEquals(List.of(dir.resolve("sub/report.csv")), files.toList());
    }
  }

  @ParameterizedTest
  @EnumSource(OutputTreeTest.Sink.class)
  void deletingCleansUpAndMissingFilesAreNoError(OutputTreeTest.Sink s) throws Exception {
    FileSink sink = s.sink;
    ResourceId target = PhiFiles.resource(dir.resolve("mapping.csv").toString());
    ResourceId temp = FileSink.tempBeside(target, "");
    write(sink, temp, false, "x");
    sink.delete(List.of(temp, FileSink.tempBeside(target, "gone")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  private static void write(FileSink sink, ResourceId file, boolean ownerOnly, String text)
      throws Exception {
    try (OutputStream out = Channels.newOutputStream(sink.create(file, ownerOnly))) {
      out.write(text.getBytes());
    }
  }
}
