package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The output tree's writes behave the same through either sink. */
class OutputTreeTest {
  @TempDir Path dir;

  /** The sinks under test, on one local folder. */
  enum Sink {
    LOCAL(LocalFileSink.INSTANCE),
    BEAM(BeamFileSink.INSTANCE);

    final FileSink sink;

    Sink(FileSink sink) {
      this.sink = sink;
    }
  }

  @ParameterizedTest
  @EnumSource(Sink.class)
  void anIdenticalFileIsLeftAloneAndAFailureLeavesNothing(Sink s) throws Exception {
    OutputTree tree = new OutputTree(dir.toString(), false, s.sink);
    assertEquals(
        new OutputTree.Written(3, false),
        tree.write("a/b/c.dcm", out -> out.write(new byte[] {1, 2, 3})));
    Path c = dir.resolve("a/b/c.dcm");
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(c, old);
    assertEquals(
        new OutputTree.Written(3, true),
        tree.write("a/b/c.dcm", out -> out.write(new byte[] {1, 2, 3})),
        "unchanged");
    assertEquals(old, Files.getLastModifiedTime(c));
    assertThrows(
        OutputTree.OutputExistsException.class,
        () -> tree.write("a/b/c.dcm", out -> out.write(new byte[] {4, 5})));
    assertThrows(
        OutputTree.OutputExistsException.class,
        () -> tree.write("a/b/c.dcm", out -> out.write(new byte[] {1, 2, 4})),
        "same size");
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(c), "other bytes do not replace it");
    new OutputTree(dir.toString(), true, s.sink)
        .write("a/b/c.dcm", out -> out.write(new byte[] {4, 5}));
    assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(c), "unless overwriting");
    assertThrows(
        IOException.class,
        () ->
            tree.write(
                "a/b/d.dcm",
                out -> {
                  out.write(1);
                  throw new IOException("engine failed");
                }));
    try (Stream<Path> files = Files.list(dir.resolve("a/b"))) {
      assertEquals(List.of(c), files.toList());
    }
  }

  /** A large write, in pieces and bulk, gives the same bytes through either sink. */
  @ParameterizedTest
  @EnumSource(Sink.class)
  void bothSinksWriteTheSameBytes(Sink s) throws Exception {
    byte[] bytes = new byte[300_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + i / 251);
    }
    new OutputTree(dir.toString(), false, s.sink)
        .write(
            "S1/x.dcm",
            out -> {
              out.write(bytes, 0, 1000);
              out.write(bytes[1000]);
              out.write(bytes, 1001, bytes.length - 1001);
            });
    assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("S1/x.dcm")));
  }

  @Test
  void localPathsGoThroughTheLocalSink() {
    assertEquals(
        LocalFileSink.INSTANCE,
        FileSink.of(PhiFiles.resource(dir.resolve("report.csv").toString())));
  }
}
