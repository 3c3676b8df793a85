package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files of atomic writes ({@link OutputTree}, {@link PhiFiles}): {@code
 * .<name>.<random>.tmp}. A run killed with -9 can leave them behind; they never look like output
 * (hidden, ending in {@code .tmp}) and the next run removes them before it starts.
 */
public final class StaleTemps {
  private static final Pattern TEMP = Pattern.compile("\\..+\\.[0-9A-Za-z-]{6,}\\.tmp");

  private StaleTemps() {}

  static String tempName(String name) {
    return "." + name + "." + UUID.randomUUID() + ".tmp";
  }

  /** Whether a file name is one of our temporary names. */
  public static boolean isTemp(String fileName) {
    return TEMP.matcher(fileName).matches();
  }

  /**
   * Deletes the temporary files under a local folder (recursively) and returns how many. Nothing
   * else is touched; a folder that does not exist holds none.
   */
  public static int clean(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    List<Path> stale;
    try (Stream<Path> s = Files.walk(folder)) {
      stale = s.filter(p -> isTemp(p.getFileName().toString()) && Files.isRegularFile(p)).toList();
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
    return stale.size();
  }

  /** Deletes the temporary files of one PHI-side file (same folder, not recursive). */
  public static int cleanBeside(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return 0;
    }
    String prefix = "." + abs.getFileName() + ".";
    int n = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix) && isTemp(name) && Files.isRegularFile(p)) {
          Files.deleteIfExists(p);
          n++;
        }
      }
    }
    return n;
  }
}
