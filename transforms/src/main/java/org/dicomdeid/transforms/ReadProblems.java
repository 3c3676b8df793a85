package org.dicomdeid.transforms;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why an input could not be opened, as a {@link Reason}: the kind of problem, never a value read
 * from the file (the report row already names the file).
 */
final class ReadProblems {
  /** SOP class of a DICOMDIR, the Media Storage Directory Storage (PS3.10 7.2, PS3.4 Annex F). */
  static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

  private ReadProblems() {}

  /**
   * For a path on the local disk that is not a regular file (a FIFO, socket or device, which could
   * block a worker forever), the reason to skip it.
   */
  static Optional<Reason> notRegularFile(String path) {
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    Path p = Path.of(path);
    if (Files.isRegularFile(p) || !Files.exists(p)) {
      return Optional.empty();
    }
    return Optional.of(
        Reason.of(Files.isDirectory(p) ? Reason.Kind.FOLDER : Reason.Kind.NOT_REGULAR_FILE));
  }

  /** Whether a local input no longer exists (deleted after it was matched). */
  static boolean vanished(String path) {
    return path.startsWith("/") && !Files.exists(Path.of(path));
  }

  /**
   * The reason for an I/O failure while opening or reading the input {@code path}. Beam opens a
   * local file with a {@code FileInputStream}, whose {@link FileNotFoundException} stands for every
   * failure to open: whether the file is gone is asked of the filesystem; a refusal is told only by
   * the operating system's words in its message.
   */
  static Reason of(String path, IOException e) {
    if (e instanceof NoSuchFileException || e instanceof FileNotFoundException && vanished(path)) {
      return Reason.of(Reason.Kind.VANISHED);
    }
    if (e instanceof AccessDeniedException
        || String.valueOf(e.getMessage()).contains("Permission denied")) {
      return Reason.of(Reason.Kind.PERMISSION_DENIED);
    }
    return Reason.of(Reason.Kind.CANNOT_READ, e.getClass().getSimpleName());
  }
}
