package org.dicomdeid.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code --input} into Beam file patterns: folders recursively, globs as given. */
final class Inputs {
  private Inputs() {}

  static List<String> patterns(String input) throws BadOptionsException {
    List<String> patterns = new ArrayList<>();
    for (String item : items(input)) {
      if (item.contains("://")) {
        patterns.add(item.endsWith("/") ? item + "**" : item);
      } else if (isGlob(item)) {
        patterns.add(item.startsWith("/") ? item
            : Path.of("").toAbsolutePath() + "/" + item);
      } else {
        Path p = Path.of(item).toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
          patterns.add(p + "/**");
        } else if (Files.isRegularFile(p)) {
          patterns.add(p.toString());
        } else {
          throw new BadOptionsException("--input " + item + ": no such file or folder");
        }
      }
    }
    if (patterns.isEmpty()) {
      throw new BadOptionsException("--input is empty: give folders or glob patterns, "
          + "comma separated");
    }
    return patterns;
  }

  /** The output folder must not be inside an input folder: a rerun would read its own output. */
  static void checkOutputOutsideInputs(String input, Path output) throws BadOptionsException {
    for (String item : items(input)) {
      if (item.contains("://") || isGlob(item)) {
        continue;
      }
      Path in = Path.of(item).toAbsolutePath().normalize();
      if (Files.isDirectory(in) && (output.startsWith(in) || in.startsWith(output))) {
        throw new BadOptionsException("--output " + output + " and --input " + item
            + " overlap: put the output folder outside the input");
      }
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
