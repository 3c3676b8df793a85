package org.dicomdeid.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortSpec;

/**
 * Builds the awkward exports of {@link AwkwardExportTest} in a child JVM started under the
 * byte-preserving locale (a JVM under UTF-8 cannot create a name that is not UTF-8): {@code
 * <dir>/export[1]{x}}, the sample cohort renamed into names in CP949, Latin-1, invalid UTF-8, with
 * newlines, CR, commas, quotes, glob characters, '%', control characters and 250 bytes; and {@code
 * <dir>/loops}, a clean cohort with a link loop, a link to a visit folder and a second link to one
 * file. Writes {@code <tree>.hex}: the bytes of every regular file's path, in hex, one a line.
 */
public final class AwkwardTree {
  static final String EXPORT = "export[1]{x}";

  private static final byte[][] NAMES = {
    bytes(0xC8, 0xAB, 0xB1, 0xE6, 0xB5, 0xBF), // 홍길동 in CP949
    "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), // café in Latin-1
    bytes(0xFF, 0xFE, 0x80, 'x'), // not UTF-8 at all
    "line\nfeed".getBytes(StandardCharsets.US_ASCII),
    "carriage\rreturn".getBytes(StandardCharsets.US_ASCII),
    "a,b\"c'd".getBytes(StandardCharsets.US_ASCII),
    "*?[]{}".getBytes(StandardCharsets.US_ASCII),
    "100%25 %".getBytes(StandardCharsets.US_ASCII),
    "\ud64d\uae38\ub3d9".getBytes(StandardCharsets.UTF_8), // 홍길동 in UTF-8
    bytes(0x01, 'c', 't', 'l', 0x7F),
    null, // 250 bytes
  };

  private static final byte[][] FOLDERS = {
    new byte[0],
    bytes(0xBC, 0xAD, 0xBF, 0xEF), // 서울 in CP949
    "dir\nwith newline".getBytes(StandardCharsets.US_ASCII),
    "[glob]{x}*".getBytes(StandardCharsets.US_ASCII),
    "M\u00fcller".getBytes(StandardCharsets.ISO_8859_1),
  };

  private AwkwardTree() {}

  public static void main(String[] args) throws IOException {
    if (!"ISO-8859-1".equals(System.getProperty("sun.jnu.encoding"))) {
      System.err.println(
          "run under the byte-preserving locale, not " + System.getProperty("sun.jnu.encoding"));
      System.exit(3);
    }
    Path dir = Path.of(args[0]);
    awkward(dir);
    loops(dir);
  }

  private static void awkward(Path dir) throws IOException {
    Path gen = dir.resolve("gen");
    CohortGenerator.generate(gen, CohortSpec.small());
    Path root = dir.resolve(EXPORT);
    List<Path> files = regularFiles(gen);
    List<Path> moved = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path rel = gen.relativize(files.get(i));
      String visit = rel.getName(0).toString();
      if (i % 5 == 0) {
        visit = name(NAMES[0]) + "_" + visit; // a Korean name before <MRN>_<date>, in CP949
      }
      Path folder = root.resolve(visit);
      byte[] sub = FOLDERS[i % FOLDERS.length];
      if (sub.length > 0) {
        folder = folder.resolve(name(sub));
      }
      byte[] n = NAMES[i % NAMES.length];
      String suffix = "_" + i;
      String fileName = n == null ? "L".repeat(250 - suffix.length()) + suffix : name(n) + suffix;
      Path target = folder.resolve(fileName);
      Files.createDirectories(folder);
      Files.move(files.get(i), target);
      moved.add(target);
    }
    writeHex(dir.resolve("export.hex"), moved);
  }

  private static void loops(Path dir) throws IOException {
    Path root = dir.resolve("loops");
    CohortGenerator.generate(root, new CohortSpec(7L, 2, 1, 1, 3, 16, 16, false, false));
    List<Path> files = regularFiles(root);
    Path visit = root.resolve(root.relativize(files.get(0)).getName(0));
    Files.createDirectories(root.resolve("zz"));
    Files.createSymbolicLink(root.resolve("zz/loop"), Path.of(".."));
    Files.createSymbolicLink(root.resolve("zz/again"), visit);
    Files.createSymbolicLink(root.resolve("twin.dcm"), files.get(files.size() - 1));
    writeHex(dir.resolve("loops.hex"), files);
  }

  private static List<Path> regularFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }

  private static void writeHex(Path file, List<Path> paths) throws IOException {
    StringBuilder s = new StringBuilder();
    for (Path p : paths) {
      s.append(HexFormat.of().formatHex(p.toString().getBytes(StandardCharsets.ISO_8859_1)))
          .append('\n');
    }
    Files.writeString(file, s);
  }

  private static String name(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }
}
