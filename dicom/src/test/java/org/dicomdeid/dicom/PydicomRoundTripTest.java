package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trip over every file of Debian's python3-pydicom test data: read, write unchanged, and
 * compare dcmtk's dcmdump of input and output (element by element, values printed in full) and the
 * Pixel Data bytes that dcmdump extracts. Files that are broken on purpose must give the codec's
 * typed exception instead.
 */
class PydicomRoundTripTest {

  /** Files broken on purpose, and why the codec must refuse them. */
  static final Map<String, String> BROKEN =
      Map.of(
          "MR_truncated.dcm", "Pixel Data cut short: its length runs past the end of the file",
          "rtplan_truncated.dcm", "cut inside a sequence: the data set ends before it is closed",
          "no_meta.dcm",
              "a stray byte before the first element: no DICM prefix and no element at"
                  + " offset 0 (dcmdump refuses it too)");

  /**
   * Files dcmdump cannot read although we can, so the comparison is with our own reading of the
   * input: the output must then read cleanly in dcmdump.
   */
  static final Map<String, String> DCMDUMP_CANNOT_READ =
      Map.of(
          "SC_rgb_jpeg.dcm", "meta group declares an explicit VR syntax, data set is implicit VR");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> roundTripEveryPydicomFile() throws IOException {
    Path data = ExternalTools.pydicomData();
    ExternalTools.requireDcmdump();
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("test_files", "charset_files")) {
      try (Stream<Path> s = Files.list(data.resolve(dir))) {
        files.addAll(
            s.filter(p -> p.toString().endsWith(".dcm")).sorted().collect(Collectors.toList()));
      }
    }
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private void check(Path input) throws Exception {
    String name = input.getFileName().toString();
    Path output = tmp.resolve(name);
    if (BROKEN.containsKey(name)) {
      DicomParseException e =
          assertThrows(
              DicomParseException.class,
              () -> rewrite(input, output),
              name + " is broken on purpose (" + BROKEN.get(name) + ") and must be refused");
      System.out.println(name + ": refused as expected: " + e.getMessage());
      return;
    }
    rewrite(input, output);
    if (DCMDUMP_CANNOT_READ.containsKey(name)) {
      dump(output, Files.createDirectories(tmp.resolve("out-" + name)));
      return;
    }
    Path inRaw = Files.createDirectories(tmp.resolve("in-" + name));
    Path outRaw = Files.createDirectories(tmp.resolve("out-" + name));
    String before = normalise(dump(input, inRaw));
    String after = normalise(dump(output, outRaw));
    if (!before.contains("(0002,0010)")) {
      // A meta group without Transfer Syntax UID (meta_missing_tsyntax.dcm) gets the detected one.
      after = after.replaceAll("(?m)^\\(0002,0010\\).*\n", "");
    }
    if (!before.equals(after)) {
      // Leave both dumps where a person can diff them.
      Path diffs = Files.createDirectories(Path.of("target", "roundtrip-diffs"));
      Files.writeString(diffs.resolve(name + ".in.txt"), before);
      Files.writeString(diffs.resolve(name + ".out.txt"), after);
    }
    assertEquals(before, after, "dcmdump of " + name + " differs after the round trip");
    List<Path> rawIn = listFiles(inRaw);
    List<Path> rawOut = listFiles(outRaw);
    assertEquals(rawIn.size(), rawOut.size(), "pixel data files written by dcmdump");
    for (int i = 0; i < rawIn.size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(rawIn.get(i)),
          Files.readAllBytes(rawOut.get(i)),
          "pixel data of " + name);
    }
  }

  static void rewrite(Path input, Path output) throws IOException {
    try (InputStream in = Files.newInputStream(input);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
      DicomReader reader = DicomReader.open(in, Files.size(input));
      DicomCopy.copy(reader, new DicomWriter(out));
    }
  }

  private static String dump(Path file, Path rawDir) throws Exception {
    ExternalTools.Result r =
        ExternalTools.run(
            List.of("dcmdump", "+L", "-Un", "+W", rawDir.toString(), file.toString()));
    if (r.exitCode() != 0) {
      fail("dcmdump failed on " + file + ": " + r.stderr());
    }
    return r.stdout();
  }

  private static final Pattern LENGTH = Pattern.compile("#\\s*(\\d+|u/l),\\s*");
  private static final Pattern RAW_FILE = Pattern.compile("=?[^\\s=]*\\.raw");
  private static final Pattern SEQ_LEN =
      Pattern.compile("\\((Sequence|Item) with (explicit|undefined) length");

  /**
   * What may differ after a faithful rewrite: the file meta implementation UID/name and group
   * length and version (some writers get its byte order wrong), retired group lengths (gggg,0000),
   * value lengths (odd values are padded to even), defined versus undefined sequence and item
   * lengths, delimitation items, and the name dcmdump gives the raw pixel file.
   */
  static String normalise(String dump) {
    StringBuilder sb = new StringBuilder();
    for (String line : dump.split("\n")) {
      String t = line.trim();
      if (t.startsWith("(0002,0000)")
          || t.startsWith("(0002,0001)")
          || t.startsWith("(0002,0012)")
          || t.startsWith("(0002,0013)")
          || t.matches("\\([0-9a-fA-F]{4},0000\\).*")
          || t.startsWith("(fffe,e00d)")
          || t.startsWith("(fffe,e0dd)")
          || t.startsWith("# Dicom-")) {
        continue;
      }
      line = LENGTH.matcher(line).replaceAll("# ");
      line = SEQ_LEN.matcher(line).replaceAll("($1 with some length");
      if (line.contains(".raw")) {
        line = RAW_FILE.matcher(line).replaceAll("RAW");
      }
      sb.append(line.strip().replaceAll(" +", " ")).append('\n');
    }
    return sb.toString();
  }

  private static List<Path> listFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    }
  }
}
