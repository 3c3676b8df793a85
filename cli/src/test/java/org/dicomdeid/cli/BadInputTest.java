package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.ExternalTools;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input beside good input in one run: every bad file gets its report row with a status and a
 * clear reason, the run goes on, and the good files of the same run are written correctly.
 */
class BadInputTest {
  @TempDir Path dir;

  /** Expected report row of a bad input: status and a part of the reason. */
  private record Expect(String status, String reason) {}

  @Test
  void everyBadFileIsReportedAndTheGoodOnesAreWritten() throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(61L, 2, 1, 2, 2, 16, 16, false, false));
    Path strays = Files.createDirectories(dir.resolve("export/KU55555_20200102"));
    Map<Path, Expect> bad = new LinkedHashMap<>();

    byte[] good = TestImages.image("KU55555", 1, TestImages.nested(2));
    Path goodOwn = write(strays, "GOOD.dcm", good);

    bad.put(write(strays, "EMPTY", new byte[0]), new Expect("skipped", "not DICOM"));
    bad.put(
        write(strays, "notes.txt", "Export of KU55555.\n".getBytes(StandardCharsets.US_ASCII)),
        new Expect("skipped", "not DICOM"));
    bad.put(
        write(strays, "DICOMDIR", TestImages.dicomdir()),
        new Expect("skipped", "DICOMDIR (media directory), not an image"));
    bad.put(
        write(strays, "cut_preamble", Arrays.copyOf(good, 100)),
        new Expect("skipped", "not DICOM"));
    bad.put(
        write(strays, "cut_meta", Arrays.copyOf(good, 150)),
        new Expect("failed", "unreadable DICOM"));
    int name = TestImages.indexOf(good, TestImages.elementStart(Tags.PatientName, "PN"));
    bad.put(
        write(strays, "cut_element", Arrays.copyOf(good, name + 11)),
        new Expect("failed", "unreadable DICOM"));
    int seq =
        TestImages.indexOf(
            good, TestImages.elementStart(TestImages.REFERENCED_IMAGE_SEQUENCE, "SQ"));
    bad.put(
        write(strays, "cut_sequence", Arrays.copyOf(good, seq + 30)),
        new Expect("failed", "unreadable DICOM"));
    bad.put(
        write(strays, "cut_pixels", Arrays.copyOf(good, good.length - 10)),
        new Expect("failed", "unreadable DICOM"));
    byte[] liar = good.clone();
    int pixelLength = TestImages.indexOf(liar, TestImages.elementStart(Tags.PixelData, "OW")) + 8;
    liar[pixelLength + 3] = 0x7f; // Pixel Data claims about 2 GB in a file of a few hundred bytes
    bad.put(write(strays, "lying_length", liar), new Expect("failed", "unreadable DICOM"));
    byte[] wrongVr = good.clone();
    wrongVr[name + 4] = 'S';
    wrongVr[name + 5] = 'Q'; // PatientName claims to be a sequence
    bad.put(write(strays, "wrong_vr", wrongVr), new Expect("failed", "unreadable DICOM"));
    byte[] unknownVr = good.clone();
    unknownVr[name + 4] = 'Z';
    unknownVr[name + 5] = 'Z';
    bad.put(write(strays, "unknown_vr", unknownVr), new Expect("failed", "unreadable DICOM"));

    Path deep =
        write(strays, "nested_5000", TestImages.image("KU55555", 2, TestImages.nested(5000)));
    byte[] hugeHeaderPixels = TestImages.pixels(64);
    Path huge =
        write(
            strays,
            "rows_65535",
            TestImages.image("KU55555", 3, 65535, 65535, hugeHeaderPixels, w -> {}));

    Path fifo = strays.resolve("a_fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mk.waitFor());
    Path dangling =
        Files.createSymbolicLink(strays.resolve("dangling.dcm"), strays.resolve("gone.dcm"));
    Path loopDir = Files.createDirectories(strays.resolve("loop"));
    Files.createSymbolicLink(loopDir.resolve("again"), loopDir);

    Path pydicom = ExternalTools.pydicomData().resolve("test_files");
    for (String f : new String[] {"MR_truncated.dcm", "rtplan_truncated.dcm"}) {
      bad.put(copy(pydicom.resolve(f), strays), new Expect("failed", "unreadable DICOM"));
    }

    CliRuns.Result run = CliRuns.main(Runs.args(dir, cohort.root().toString()));
    assertEquals(1, run.status(), run.out() + run.err());
    Map<String, CSVRecord> report = Runs.report(dir.resolve("phi/report.csv"));
    StringBuilder wrong = new StringBuilder();
    bad.forEach(
        (path, e) -> {
          CSVRecord row = report.get(path.toString());
          if (row == null
              || !row.get("status").equals(e.status())
              || row.get("reason").contains("KU55555") // reasons name the problem, never a value
              || !row.get("reason").contains(e.reason())
              || !row.get("output").isEmpty()) {
            wrong
                .append('\n')
                .append(path.getFileName())
                .append(": expected ")
                .append(e)
                .append(", got ")
                .append(row == null ? "no row" : row.toMap());
          }
        });
    assertEquals("", wrong.toString(), String.join("\n", report.keySet()));
    // Beam's local match lists regular files only: a FIFO is never opened (opening it would
    // block a worker forever) and is not an input, so it has no row; the run got here.
    assertFalse(report.containsKey(fifo.toString()));
    // a link whose target is gone is not matched either (a file vanishing after the match:
    // VanishedInputTest)
    assertFalse(report.containsKey(dangling.toString()));

    // the good files of the same run, the hostile-but-valid ones included
    for (GeneratedFile f : cohort.filesOfKind(GeneratedFile.DICOM)) {
      TreeChecks.assertWritten(dir, f.path().toString(), f.mrn());
    }
    TreeChecks.assertWritten(dir, goodOwn.toString(), "KU55555");
    // 5000 nested items are valid DICOM: written (the codec's nesting stack is not the Java stack)
    TreeChecks.assertWritten(dir, deep.toString(), "KU55555");
    // Rows x Columns say 8 GB, Pixel Data holds 64 bytes consistent with the file: the engine
    // never sizes anything from Rows/Columns, copies the 64 bytes as they are, and writes it.
    TreeChecks.assertWritten(dir, huge.toString(), "KU55555");
    assertArrayEquals(
        hugeHeaderPixels,
        pixelData(dir.resolve("deid").resolve(report.get(huge.toString()).get("output"))));
    // the symlink loop is not followed forever; a link whose target vanished is not a crash
    assertFalse(report.keySet().stream().anyMatch(p -> p.contains("/loop/again/again/")));
    assertEquals(
        report.size(), Files.readString(dir.resolve("phi/report.csv")).lines().count() - 1);
  }

  @Test
  void anUnreadableFileFailsWithPermissionDenied() throws Exception {
    assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "running as root: chmod 000 does not deny root, so an unreadable file cannot be made"
            + " here; ReadProblemsTest checks the reason the report gives for one");
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(62L, 1, 1, 1, 2, 16, 16, false, false));
    Path locked =
        write(
            Files.createDirectories(dir.resolve("export/KU1_20200101")),
            "LOCKED",
            TestImages.image("KU1", 9, w -> {}));
    Files.setPosixFilePermissions(locked, Set.of());
    CliRuns.Result run = CliRuns.main(Runs.args(dir, cohort.root().toString()));
    assertEquals(1, run.status(), run.err());
    CSVRecord row = Runs.report(dir.resolve("phi/report.csv")).get(locked.toString());
    assertEquals("failed", row.get("status"));
    assertEquals("permission denied", row.get("reason"));
    for (GeneratedFile f : cohort.filesOfKind(GeneratedFile.DICOM)) {
      TreeChecks.assertWritten(dir, f.path().toString(), f.mrn());
    }
  }

  private static Path write(Path folder, String name, byte[] bytes) throws Exception {
    return Files.write(folder.resolve(name), bytes);
  }

  private static Path copy(Path file, Path folder) throws Exception {
    return Files.copy(file, folder.resolve(file.getFileName()));
  }

  private static byte[] pixelData(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file);
        DicomReader r = DicomReader.open(in, Files.size(file))) {
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        if (e == DicomReader.Event.ELEMENT && r.tag() == Tags.PixelData) {
          return r.readValue();
        }
      }
    }
    throw new AssertionError("no Pixel Data");
  }
}
