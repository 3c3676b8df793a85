package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's reasons for inputs that cannot be opened. Tests run as root in CI, where no file
 * can be made unreadable: the exceptions the JDK and Beam throw for one are checked here, and
 * BadInputTest#anUnreadableFileFailsWithPermissionDenied runs the real case as any other user.
 */
class ReadProblemsTest {
  @TempDir Path dir;

  @Test
  void permissionDeniedAndVanishedAreSaidSo() {
    assertEquals("permission denied", ReadProblems.of(new AccessDeniedException("/x/KU1/IM1")));
    assertEquals("permission denied",
        ReadProblems.of(new FileNotFoundException("/x/KU1/IM1 (Permission denied)")));
    assertEquals(ReadProblems.VANISHED, ReadProblems.of(new NoSuchFileException("/x/KU1/IM1")));
    assertEquals(ReadProblems.VANISHED,
        ReadProblems.of(new FileNotFoundException("/x/KU1/IM1 (No such file or directory)")));
    assertEquals("cannot read the file: IOException",
        ReadProblems.of(new IOException("/x/KU1/IM1: Input/output error")));
  }

  @Test
  void onlyRegularFilesAreOpened() throws Exception {
    assertEquals("", ReadProblems.notRegularFile(dir.resolve("gone").toString()));
    assertEquals("a folder, not a file", ReadProblems.notRegularFile(dir.toString()));
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertEquals("not a regular file (FIFO, socket or device)",
        ReadProblems.notRegularFile(fifo.toString()));
  }
}
