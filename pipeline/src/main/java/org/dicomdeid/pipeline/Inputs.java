package org.dicomdeid.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicomdeid.transforms.InputFiles;

/** Turns {@code --input} into Beam file patterns: folders recursively, globs as given. */
final class Inputs {
  private Inputs() {}

  static List<String> patterns(String input) throws BadOptionsException {
    List<String> patterns = new ArrayList<>();
    for (String item : items(input)) {
      patterns.add(pattern(item));
    }
    if (patterns.isEmpty()) {
      throw new BadOptionsException(
          "--input is empty: give folders or glob patterns, " + "comma separated");
    }
    return patterns;
  }

  /**
   * Each local input must match at least one file (a folder with none, a glob that matches nothing:
   * nothing to de-identify, which is a mistake, not a success). Stops at the first file found, so
   * it costs little on a real export.
   */
  static void checkEachHasFiles(String input) throws BadOptionsException {
    for (String item : items(input)) {
      String pattern = pattern(item);
      if (!pattern.contains("://") && !anyFile(pattern)) {
        throw new BadOptionsException(
            "--input "
                + item
                + ": no file "
                + (pattern.endsWith("/**") ? "in it" : "matches it")
                + " (nothing to de-identify)");
      }
    }
  }

  private static String pattern(String item) throws BadOptionsException {
    if (item.contains("://")) {
      return item.endsWith("/") ? item + "**" : item;
    }
    Path p = Path.of(item).toAbsolutePath().normalize();
    // A path that exists is taken literally, even when its name holds glob characters.
    if (Files.isDirectory(p)) {
      return p + "/**";
    } else if (Files.isRegularFile(p)) {
      return p.toString();
    } else if (isGlob(item)) {
      return item.startsWith("/") ? item : Path.of("").toAbsolutePath() + "/" + item;
    }
    throw new BadOptionsException("--input " + item + ": no such file or folder");
  }

  private static boolean anyFile(String pattern) throws BadOptionsException {
    try {
      return InputFiles.anyFile(pattern);
    } catch (IOException e) {
      throw new BadOptionsException(
          "--input " + pattern + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The output folder must not overlap an input folder (a rerun would read its own output), and the
   * mapping and report must not be inside one: the input tree is only ever read, never written.
   * Symbolic links are resolved where the paths exist.
   */
  static void checkOutsideInputs(String input, Path output, Path mapping, Path report)
      throws BadOptionsException {
    for (String item : items(input)) {
      if (item.contains("://") || isGlob(item) && !Files.exists(Path.of(item))) {
        continue;
      }
      Path in = real(Path.of(item).toAbsolutePath().normalize());
      if (!Files.isDirectory(in)) {
        continue;
      }
      Path out = real(output);
      if (out.startsWith(in) || in.startsWith(out)) {
        throw new BadOptionsException(
            "--output "
                + output
                + " and --input "
                + item
                + " overlap: put the output folder outside the input");
      }
      for (Path phi : List.of(mapping, report)) {
        if (real(phi).startsWith(in)) {
          throw new BadOptionsException(
              (phi == mapping ? "--mappingCsv " : "--reportCsv ")
                  + phi
                  + " is inside --input "
                  + item
                  + ": the input tree is never written to; put it"
                  + " outside the input");
        }
      }
    }
  }

  /** The real path of the longest existing ancestor, with the rest appended. */
  private static Path real(Path p) {
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(p));
    } catch (IOException e) {
      return p;
    }
  }

  private static List<String> items(String input) {
    List<String> items = new ArrayList<>();
    if (input != null) {
      for (String s : input.split(",")) {
        if (!s.isBlank()) {
          items.add(s.trim());
        }
      }
    }
    return items;
  }

  private static boolean isGlob(String s) {
    return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
  }
}
