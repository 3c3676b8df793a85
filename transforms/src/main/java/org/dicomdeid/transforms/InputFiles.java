package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.values.KV;

/**
 * Lists the regular files the input patterns name. Local patterns are walked here rather than by
 * Beam's match (which loses names holding a newline and walks a link loop until the path is too
 * long): symbolic links are followed, each real file (device and inode, its file key) is read once,
 * under its smallest path, and a link back to a folder being walked is reported once. Other
 * filesystems ({@code scheme://}) go through Beam's match.
 */
public final class InputFiles {
  /** The files to read (path, size) and the rows for what is not read. */
  public record Listing(List<KV<String, Long>> files, List<Outcome> outcomes) {}

  private record Found(String path, long size, Object key) {}

  private InputFiles() {}

  /** Every regular file the patterns match, each real file once. */
  public static Listing match(List<String> patterns) throws IOException {
    List<Found> found = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (String pattern : patterns) {
      if (pattern.contains("://")) {
        for (MatchResult.Metadata m :
            FileSystems.match(pattern, EmptyMatchTreatment.ALLOW_IF_WILDCARD).metadata()) {
          found.add(new Found(m.resourceId().toString(), m.sizeBytes(), null));
        }
      } else {
        walk(pattern, found, outcomes, false);
      }
    }
    found.sort(Comparator.comparing(Found::path));
    Map<Object, String> firstPath = new HashMap<>();
    List<KV<String, Long>> files = new ArrayList<>();
    String previous = null;
    for (Found f : found) {
      if (f.path().equals(previous)) {
        continue; // matched by two patterns
      }
      previous = f.path();
      String first = f.key() == null ? null : firstPath.putIfAbsent(f.key(), f.path());
      if (first != null) {
        outcomes.add(
            Outcome.skipped(f.path(), Reason.of(Reason.Kind.SAME_FILE, FileNames.display(first))));
      } else {
        files.add(KV.of(f.path(), f.size()));
      }
    }
    return new Listing(files, outcomes);
  }

  /**
   * Whether a local pattern matches at least one regular file, or a folder or name it cannot read
   * (which the run then reports); stops at the first.
   */
  public static boolean anyFile(String pattern) throws IOException {
    List<Found> found = new ArrayList<>();
    List<Outcome> unreadable = new ArrayList<>();
    walk(pattern, found, unreadable, true);
    return !found.isEmpty() || unreadable.stream().anyMatch(o -> o.status() == Status.FAILED);
  }

  /**
   * A regular file as given, a folder as {@code <folder>/**} (every file under it), or a glob
   * ({@code *}, {@code ?}, {@code [...]}, {@code {a,b}}; {@code **} crosses folders). A path that
   * exists is taken literally even when its name holds glob characters.
   */
  private static void walk(
      String pattern, List<Found> found, List<Outcome> outcomes, boolean firstOnly)
      throws IOException {
    Path literal = pathOrNull(pattern);
    if (literal != null && Files.isRegularFile(literal)) {
      BasicFileAttributes a = Files.readAttributes(literal, BasicFileAttributes.class);
      found.add(new Found(pattern, a.size(), a.fileKey()));
      return;
    }
    Path root;
    Pattern glob = null;
    Path folder =
        pattern.endsWith("/**") ? pathOrNull(pattern.substring(0, pattern.length() - 3)) : null;
    if (folder != null && Files.isDirectory(folder)) {
      root = folder;
    } else {
      root = pathOrNull(literalPrefix(pattern));
      glob = Globs.toRegex(pattern);
      if (root == null || !Files.isDirectory(root)) {
        return;
      }
    }
    Pattern keep = glob;
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile()) {
              return FileVisitResult.CONTINUE; // FIFOs, sockets, devices, dangling links
            }
            String s = file.toString();
            if (keep != null && !keep.matcher(s).matches()) {
              return FileVisitResult.CONTINUE;
            }
            if (!sameName(s, file)) {
              outcomes.add(
                  Outcome.failed(
                      s, Reason.of(Reason.Kind.NAME_NOT_OPENABLE, FileNames.jnu().toString())));
              return firstOnly ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
            found.add(new Found(s, attrs.size(), attrs.fileKey()));
            return firstOnly ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              outcomes.add(Outcome.skipped(file.toString(), Reason.of(Reason.Kind.LINK_LOOP)));
            } else {
              outcomes.add(
                  Outcome.failed(
                      file.toString(),
                      Reason.of(
                          Reason.Kind.CANNOT_LIST, ReadProblems.of(file.toString(), e).text())));
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Whether the JVM's string for a listed path opens the same file (the same bytes). */
  private static boolean sameName(String s, Path file) {
    try {
      return Path.of(s).equals(file);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static Path pathOrNull(String s) {
    try {
      return s.isEmpty() ? null : Path.of(s);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The folders of a glob before its first component with a glob character. */
  private static String literalPrefix(String pattern) {
    int cut = pattern.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int i = pattern.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    int slash = pattern.lastIndexOf('/', cut);
    return slash <= 0 ? "/" : pattern.substring(0, slash);
  }
}
