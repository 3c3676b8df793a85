package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Splits a local folder pattern {@code <folder>/**} into {@code <folder>/*} (the files directly
 * in it) and {@code <folder>/<child>/**} for each folder directly in it: the same files, since
 * {@code **} matches at any depth. Beam's {@code FileSystems.match} returns all of a pattern's
 * matches in one list, and a million files' metadata is more than a TaskManager's heap (the
 * 1,000,000-file cluster run failed so); split, the largest list is one visit's folder. Other
 * patterns, other filesystems and folder names with glob characters are left whole.
 */
final class FolderPatterns {
  private FolderPatterns() {}

  static List<String> split(String pattern) throws IOException {
    if (pattern.contains("://") || !pattern.endsWith("/**")) {
      return List.of(pattern);
    }
    String folder = pattern.substring(0, pattern.length() - "/**".length());
    if (folder.isEmpty() || hasGlob(folder) || !Files.isDirectory(Path.of(folder))) {
      return List.of(pattern);
    }
    List<String> parts = new ArrayList<>();
    parts.add(folder + "/*");
    try (DirectoryStream<Path> children = Files.newDirectoryStream(Path.of(folder))) {
      for (Path child : children) {
        // Files.isDirectory follows links, as the match's own tree walk does
        if (Files.isDirectory(child)) {
          String name = child.getFileName().toString();
          if (hasGlob(name)) {
            return List.of(pattern);
          }
          parts.add(folder + "/" + name + "/**");
        }
      }
    }
    return parts;
  }

  private static boolean hasGlob(String s) {
    return s.chars().anyMatch(c -> "*?[]{}\\".indexOf(c) >= 0);
  }

  /** Emits a pattern's parts ({@link #split}). */
  static final class SplitFn extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String pattern, OutputReceiver<String> out) throws IOException {
      for (String part : split(pattern)) {
        out.output(part);
      }
    }
  }
}
