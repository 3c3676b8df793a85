package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why an input could not be opened, in words for the report: the kind of problem, never a value
 * read from the file (the report row already names the file).
 */
final class ReadProblems {
  /** SOP class of a DICOMDIR, the Media Storage Directory Storage (PS3.10 7.2, PS3.4 Annex F). */
  static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
  static final String DICOMDIR = "DICOMDIR (media directory), not an image";
  static final String VANISHED = "file vanished before it could be read";

  private ReadProblems() {}

  /**
   * For a path on the local disk that is not a regular file (a FIFO, socket or device, which
   * could block a worker forever), the reason to skip it; else empty.
   */
  static String notRegularFile(String path) {
    if (!path.startsWith("/")) {
      return "";
    }
    Path p = Path.of(path);
    if (Files.isRegularFile(p) || !Files.exists(p)) {
      return "";
    }
    return Files.isDirectory(p) ? "a folder, not a file"
        : "not a regular file (FIFO, socket or device)";
  }

  /** Whether a local input no longer exists (deleted after it was matched). */
  static boolean vanished(String path) {
    return path.startsWith("/") && !Files.exists(Path.of(path));
  }

  /** The reason for an I/O failure while opening or reading an input. */
  static String of(IOException e) {
    if (e instanceof NoSuchFileException || e instanceof java.io.FileNotFoundException
        && String.valueOf(e.getMessage()).contains("No such file")) {
      return VANISHED;
    }
    if (e instanceof AccessDeniedException || String.valueOf(e.getMessage())
        .contains("Permission denied")) {
      return "permission denied";
    }
    return "cannot read the file: " + e.getClass().getSimpleName();
  }
}
