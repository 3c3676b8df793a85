package org.dicomdeid.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.ExternalTools;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TopLevelValues;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small cohort: every good file reads in our codec and in dcmdump and matches its folder. */
class CohortGeneratorTest {
  @TempDir static Path tmp;
  static CohortManifest cohort;

  @BeforeAll
  static void generate() throws IOException {
    cohort = CohortGenerator.generate(tmp.resolve("export"), CohortSpec.small());
  }

  @Test
  void everyGoodFileParsesAndMatchesItsFolder() throws IOException {
    List<GeneratedFile> good = cohort.readableFiles();
    assertEquals(3 * 2 * 2 * 3 + 2, good.size());
    for (GeneratedFile f : good) {
      Map<Integer, String> h = header(f);
      String folder = cohort.root().relativize(f.path()).getName(0).toString();
      assertEquals(f.mrn() + "_" + f.ctDate(), folder);
      assertEquals(f.mrn(), h.get(Tags.PatientID));
      // AcquisitionDate is the first source of the CT date (README, "How a run decides").
      assertEquals(f.ctDate(), h.get(Tags.AcquisitionDate));
      assertEquals(f.studyUid(), h.get(Tags.StudyInstanceUID));
      assertEquals(f.seriesUid(), h.get(Tags.SeriesInstanceUID));
      assertEquals(f.sopInstanceUid(), h.get(Tags.SOPInstanceUID));
      assertEquals(f.transferSyntaxUid(), h.get(Tags.TransferSyntaxUID));
      readWhole(f.path());
    }
    assertEquals(3, cohort.mrns().size());
    cohort.ctDatesByMrn().values().forEach(d -> assertEquals(2, d.size()));
  }

  /** The file's top-level values before Pixel Data, and the transfer syntax it is read in. */
  private static Map<Integer, String> header(GeneratedFile f) throws IOException {
    try (InputStream in = Files.newInputStream(f.path())) {
      DicomReader r = DicomReader.open(in, Files.size(f.path()));
      Map<Integer, String> values = new HashMap<>(TopLevelValues.read(r));
      values.put(Tags.TransferSyntaxUID, r.transferSyntax().uid());
      return values;
    }
  }

  @Test
  void transferSyntaxesAreMixed() {
    Set<String> ts =
        cohort.readableFiles().stream()
            .map(GeneratedFile::transferSyntaxUid)
            .collect(Collectors.toSet());
    assertEquals(new HashSet<>(CohortGenerator.SYNTAXES), ts);
  }

  @Test
  void aChosenMixOfTransferSyntaxesIsTakenInTurn() throws IOException {
    List<String> two =
        List.of(
            CohortGenerator.SYNTAX_NAMES.get("implicit-le"),
            CohortGenerator.SYNTAX_NAMES.get("rle"));
    CohortManifest m =
        CohortGenerator.generate(
            tmp.resolve("mix"), new CohortSpec(9L, 1, 1, 4, 1, 8, 8, false, false), two);
    assertEquals(
        List.of(two.get(0), two.get(1), two.get(0), two.get(1)),
        m.readableFiles().stream().map(GeneratedFile::transferSyntaxUid).toList());
    for (GeneratedFile f : m.readableFiles()) {
      assertEquals(f.transferSyntaxUid(), header(f).get(Tags.TransferSyntaxUID));
    }
  }

  @Test
  void burnedInAndBadFilesArePresent() throws IOException {
    List<GeneratedFile> burned = cohort.filesOfKind(GeneratedFile.BURNED_IN);
    Set<String> flags = new HashSet<>();
    for (GeneratedFile f : burned) {
      Map<Integer, String> h = header(f);
      flags.add(h.get(Tags.Modality) + "/" + h.get(Tags.BurnedInAnnotation));
    }
    assertEquals(Set.of("US/NO", "CT/YES"), flags);
    assertEquals(2, cohort.filesOfKind(GeneratedFile.NOT_DICOM).size());
    List<GeneratedFile> bad = cohort.filesOfKind(GeneratedFile.BAD);
    assertEquals(2, bad.size());
    for (GeneratedFile f : cohort.files()) {
      if (!f.readable()) {
        assertThrows(DicomParseException.class, () -> readWhole(f.path()), f.path().toString());
      }
    }
  }

  @Test
  void plantedNamesDecodeAndAreUnique() throws IOException {
    GeneratedFile korean = cohort.readableFiles().get(0);
    String expected = cohort.patientNames().get(korean.mrn());
    assertTrue(expected.contains("홍^길동"));
    String name = null;
    SpecificCharacterSet cs = SpecificCharacterSet.DEFAULT;
    try (DicomReader r = DicomReader.open(Files.newInputStream(korean.path()), -1)) {
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        if (e == DicomReader.Event.ELEMENT && r.depth() == 0) {
          if (r.tag() == Tags.SpecificCharacterSet) {
            cs = SpecificCharacterSet.of(Values.strings(r.readValue()).toArray(String[]::new));
          } else if (r.tag() == Tags.PatientName) {
            name = cs.decode(r.readValue(), VR.PN).trim();
          }
        }
      }
    }
    assertEquals(expected, name);
    assertTrue(cohort.plantedPhi().containsAll(cohort.mrns()));
    assertTrue(cohort.plantedPhi().contains(korean.sopInstanceUid()));
    for (Set<String> dates : cohort.ctDatesByMrn().values()) {
      dates.forEach(d -> assertFalse(cohort.plantedPhi().contains(d), "CT date is planted"));
    }
    // Some input names carry the patient's name: the pipeline must not pass them on.
    assertTrue(
        cohort.files().stream()
            .anyMatch(
                f ->
                    cohort.plantedPhi().stream()
                        .anyMatch(p -> f.path().getFileName().toString().startsWith(p + "_"))));
  }

  @Test
  void ctSlicesReachTheRequestedSize() {
    CohortSpec s = CohortSpec.ctSlices(300L * 1024 * 1024);
    long slices = (long) s.seriesPerStudy() * s.instancesPerSeries();
    assertTrue(slices * 512 * 512 * 2 >= 300L * 1024 * 1024, "slices " + slices);
    assertEquals(512, s.rows());
    assertEquals(600, slices);
  }

  @Test
  void rleFramesDecodeToThePixels() {
    byte[] px = InstanceWriter.pixels(64, 64, 3);
    assertArrayEquals(px, Rle.decodeFrame(Rle.encodeFrame(px, 2), 64 * 64, 2));
    byte[] flat = new byte[1000];
    assertArrayEquals(flat, Rle.decodeFrame(Rle.encodeFrame(flat, 2), 500, 2));
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    CohortManifest again = CohortGenerator.generate(tmp.resolve("again"), CohortSpec.small());
    assertEquals(cohort.plantedPhi(), again.plantedPhi());
    for (int i = 0; i < cohort.files().size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(cohort.files().get(i).path()),
          Files.readAllBytes(again.files().get(i).path()));
    }
  }

  @Test
  void dcmdumpReadsEveryGoodFile() throws Exception {
    ExternalTools.requireDcmdump();
    for (GeneratedFile f : cohort.readableFiles()) {
      ExternalTools.Result r =
          ExternalTools.run(List.of("/usr/bin/dcmdump", "-q", "-dc", "+Ep", f.path().toString()));
      assertEquals(0, r.exitCode(), f.path() + ": " + r.stderr());
      assertFalse(r.stderr().contains("E:") || r.stderr().contains("W:"), r.stderr());
      assertTrue(r.stdout().contains(f.mrn()), f.path().toString());
    }
  }

  private static void readWhole(Path p) throws IOException {
    try (DicomReader r = DicomReader.open(Files.newInputStream(p), Files.size(p))) {
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        if (e == DicomReader.Event.ELEMENT || e == DicomReader.Event.FRAGMENT) {
          r.copyValue(new ByteArrayOutputStream());
        }
      }
    }
  }
}
