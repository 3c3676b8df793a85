package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's reasons for inputs that cannot be opened. Tests run as root in CI, where no file can
 * be made unreadable: the exceptions the JDK and Beam throw for one are checked here, and
 * BadInputTest#anUnreadableFileFailsWithPermissionDenied runs the real case as any other user.
 */
class ReadProblemsTest {
  @TempDir Path dir;

  @Test
  void permissionDeniedAndVanishedAreSaidSo() throws IOException {
    String gone = dir.resolve("KU1/IM1").toString();
    String there = Files.writeString(dir.resolve("IM2"), "x").toString();
    assertEquals(
        Reason.of(Reason.Kind.PERMISSION_DENIED),
        ReadProblems.of(there, new AccessDeniedException(there)));
    assertEquals(
        Reason.of(Reason.Kind.PERMISSION_DENIED),
        ReadProblems.of(there, new FileNotFoundException(there + " (Permission denied)")));
    assertEquals(
        Reason.of(Reason.Kind.VANISHED), ReadProblems.of(gone, new NoSuchFileException(gone)));
    assertEquals(
        Reason.of(Reason.Kind.VANISHED),
        ReadProblems.of(gone, new FileNotFoundException(gone + " (No such file or directory)")));
    assertEquals(
        Reason.of(Reason.Kind.CANNOT_READ, "IOException"),
        ReadProblems.of(there, new IOException(there + ": Input/output error")));
    assertEquals(
        "cannot read the file: IOException",
        ReadProblems.of(there, new IOException(there + ": Input/output error")).text());
  }

  /** Whether a file is gone is asked of the filesystem, not read from the message. */
  @Test
  void aFileThatIsThereDidNotVanishWhateverTheMessageSays() throws IOException {
    String there = Files.writeString(dir.resolve("IM3"), "x").toString();
    assertEquals(
        Reason.of(Reason.Kind.CANNOT_READ, "FileNotFoundException"),
        ReadProblems.of(there, new FileNotFoundException(there + " (No such file or directory)")));
    String gone = dir.resolve("IM4").toString();
    assertEquals(
        Reason.of(Reason.Kind.VANISHED), ReadProblems.of(gone, new FileNotFoundException(gone)));
  }

  @Test
  void onlyRegularFilesAreOpened() throws Exception {
    assertEquals(Optional.empty(), ReadProblems.notRegularFile(dir.resolve("gone").toString()));
    assertEquals(
        "a folder, not a file", ReadProblems.notRegularFile(dir.toString()).orElseThrow().text());
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertEquals(
        "not a regular file (FIFO, socket or device)",
        ReadProblems.notRegularFile(fifo.toString()).orElseThrow().text());
  }
}
