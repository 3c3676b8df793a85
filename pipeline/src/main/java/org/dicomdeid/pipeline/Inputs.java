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

  /**
   * The output folder must not overlap an input folder (a rerun would read its own output), and
   * the mapping and report must not be inside one: the input tree is only ever read, never
   * written. Symbolic links are resolved where the paths exist.
   */
  static void checkOutsideInputs(String input, Path output, Path mapping, Path report)
      throws BadOptionsException {
    for (String item : items(input)) {
      if (item.contains("://") || isGlob(item)) {
        continue;
      }
      Path in = real(Path.of(item).toAbsolutePath().normalize());
      if (!Files.isDirectory(in)) {
        continue;
      }
      Path out = real(output);
      if (out.startsWith(in) || in.startsWith(out)) {
        throw new BadOptionsException("--output " + output + " and --input " + item
            + " overlap: put the output folder outside the input");
      }
      for (Path phi : List.of(mapping, report)) {
        if (real(phi).startsWith(in)) {
          throw new BadOptionsException((phi == mapping ? "--mappingCsv " : "--reportCsv ") + phi
              + " is inside --input " + item + ": the input tree is never written to; put it"
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
    } catch (java.io.IOException e) {
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
