package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.dicom.ByteSearch;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.dicomdeid.transforms.MappingCsv;
import org.dicomdeid.transforms.MappingRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance criteria of issue #4, through main on the DirectRunner. */
class DeidPipelineEndToEndTest {
  @TempDir Path dir;

  private static final Map<String, String> STATUS_OF_KIND =
      Map.of(
          GeneratedFile.DICOM,
          "written",
          GeneratedFile.BURNED_IN,
          "quarantined",
          GeneratedFile.BAD,
          "failed",
          GeneratedFile.NOT_DICOM,
          "skipped");

  @Test
  void deidentifiesACohortAndRerunsIdentically() throws Exception {
    CohortManifest cohort = CohortGenerator.generate(dir.resolve("export"), CohortSpec.small());
    CliRuns.Result first = CliRuns.main(Runs.args(dir, cohort.root().toString()));
    assertEquals(1, first.status(), "the planted broken files fail: " + first.err());
    assertTrue(first.err().contains("2 input(s) failed"), first.err());
    Path output = dir.resolve("deid");

    // every input accounted for, with the status its kind calls for
    Map<String, CSVRecord> report = Runs.report(dir.resolve("phi/report.csv"));
    assertEquals(cohort.files().size(), report.size());
    for (GeneratedFile f : cohort.files()) {
      CSVRecord row = report.get(f.path().toString());
      assertEquals(STATUS_OF_KIND.get(f.kind()), row.get("status"), f.kind() + " " + row);
      assertEquals(row.get("status").equals("written"), !row.get("output").isEmpty());
    }

    // one subject per MRN; the mapping's rows are the cohort's visits
    List<MappingRow> mapping = MappingCsv.read(dir.resolve("phi/mapping.csv"));
    Map<String, String> subjectOf = MappingCsv.subjects(mapping);
    assertEquals(cohort.mrns(), subjectOf.keySet());
    assertEquals(subjectOf.size(), new HashSet<>(subjectOf.values()).size());
    Map<String, Set<String>> visits = new TreeMap<>();
    mapping.forEach(r -> visits.computeIfAbsent(r.mrn(), k -> new TreeSet<>()).add(r.ctDate()));
    assertEquals(cohort.ctDatesByMrn(), visits);
    for (MappingRow r : mapping) {
      assertTrue(r.subject().matches("SUBJ\\d{6}"), r.subject());
      assertEquals(1, r.studies());
      assertEquals(2, r.series());
      assertEquals(6, r.files());
    }
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("phi/mapping.csv"))));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("phi/report.csv"))));

    // PatientID and PatientName follow the rules; no planted PHI in bytes or paths
    Map<String, String> tree = Runs.tree(output);
    assertEquals(cohort.filesOfKind(GeneratedFile.DICOM).size(), tree.size());
    for (GeneratedFile f : cohort.filesOfKind(GeneratedFile.DICOM)) {
      Path out = output.resolve(report.get(f.path().toString()).get("output"));
      String[] idName = Runs.patientIdAndName(out);
      String subject = subjectOf.get(f.mrn());
      assertEquals(subject, idName[0]);
      assertEquals(subject + "_" + f.ctDate(), idName[1]);
    }
    assertNoPlantedPhi(cohort, output);

    // a second run with the same key and mapping: the same bytes and the same mapping
    String mappingText = Files.readString(dir.resolve("phi/mapping.csv"));
    String firstReport = Files.readString(dir.resolve("phi/report.csv"));
    CliRuns.Result second = CliRuns.main(Runs.args(dir, cohort.root().toString()));
    assertEquals(1, second.status(), second.err());
    assertTrue(second.err().contains("input(s) failed"), second.err());
    assertEquals(
        Files.readString(dir.resolve("phi/report.csv")).lines().count(), cohort.files().size() + 1);
    assertEquals(report.keySet(), Runs.report(dir.resolve("phi/report.csv")).keySet());
    assertEquals(tree, Runs.tree(output));
    assertEquals(mappingText, Files.readString(dir.resolve("phi/mapping.csv")));
    Map<String, CSVRecord> again = Runs.report(dir.resolve("phi/report.csv"));
    for (GeneratedFile f : cohort.filesOfKind(GeneratedFile.DICOM)) {
      assertEquals("unchanged", again.get(f.path().toString()).get("status"), f.path().toString());
    }
    assertTrue(second.out().contains(": 0 written, " + tree.size() + " unchanged"), second.out());

    // one report per run: the first run's report is kept beside the second's, owner-only
    List<Path> kept;
    try (Stream<Path> s = Files.list(dir.resolve("phi"))) {
      kept =
          s.filter(p -> p.getFileName().toString().matches("report\\.\\d{8}-\\d{6}\\.csv"))
              .toList();
    }
    assertEquals(1, kept.size(), "the first report kept: " + kept);
    assertEquals(firstReport, Files.readString(kept.get(0)));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.get(0))));
    assertTrue(
        second.err().contains("the previous run's report is kept as " + kept.get(0)), second.err());
  }

  @Test
  void aSecondBatchKeepsTheOldSubjectAndAddsOne() throws Exception {
    CohortSpec two = new CohortSpec(7L, 2, 1, 1, 2, 16, 16, false, false);
    CohortManifest first = CohortGenerator.generate(dir.resolve("batch1"), two);
    CliRuns.Result one = CliRuns.main(Runs.args(dir, first.root().toString()));
    assertEquals(
        0, one.status(), one.out() + one.err() + Files.readString(dir.resolve("phi/report.csv")));
    Map<String, String> before =
        MappingCsv.subjects(MappingCsv.read(dir.resolve("phi/mapping.csv")));

    // batch 2: one patient of batch 1 again, and one new patient
    CohortManifest fresh =
        CohortGenerator.generate(dir.resolve("batch2"), two.withPatients(1, 99L));
    String old = first.mrns().iterator().next();
    Path oldVisit =
        first.filesOfKind(GeneratedFile.DICOM).stream()
            .filter(f -> f.mrn().equals(old))
            .findFirst()
            .orElseThrow()
            .path();
    while (!oldVisit.getParent().equals(first.root())) {
      oldVisit = oldVisit.getParent();
    }
    copyTree(oldVisit, dir.resolve("batch2").resolve(oldVisit.getFileName()));
    String newMrn = fresh.mrns().iterator().next();
    assertFalse(first.mrns().contains(newMrn));

    CliRuns.Result run2 = CliRuns.main(Runs.args(dir, dir.resolve("batch2").toString()));
    assertEquals(
        0,
        run2.status(),
        run2.out() + run2.err() + Files.readString(dir.resolve("phi/report.csv")));
    Map<String, String> after =
        MappingCsv.subjects(MappingCsv.read(dir.resolve("phi/mapping.csv")));
    assertEquals(3, after.size());
    before.forEach((mrn, subject) -> assertEquals(subject, after.get(mrn)));
    assertTrue(after.containsKey(newMrn));
    assertFalse(before.containsValue(after.get(newMrn)));
    assertNotEquals(after.get(old), after.get(newMrn));
  }

  @Test
  void shiftedDatesReachTheMappingThePathsAndPatientName() throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(5L, 2, 1, 1, 2, 16, 16, false, false));
    CliRuns.Result run =
        CliRuns.main(
            Runs.args(
                dir,
                cohort.root().toString(),
                "--options=retainLongModifiedDates",
                "--subjectPrefix=P",
                "--subjectDigits=3"));
    assertEquals(0, run.status(), run.err());
    assertTrue(
        Files.readString(dir.resolve("phi/mapping.csv"))
            .startsWith("subj,MRN,ct_date,shifted_ct_date,studies,series,files\n"));
    List<MappingRow> mapping = MappingCsv.read(dir.resolve("phi/mapping.csv"));
    Map<String, CSVRecord> report = Runs.report(dir.resolve("phi/report.csv"));
    for (GeneratedFile f : cohort.filesOfKind(GeneratedFile.DICOM)) {
      MappingRow row =
          mapping.stream().filter(r -> r.mrn().equals(f.mrn())).findFirst().orElseThrow();
      assertTrue(row.subject().matches("P\\d{3}"), row.subject());
      assertNotEquals(row.ctDate(), row.shiftedCtDate());
      String output = report.get(f.path().toString()).get("output");
      assertTrue(output.startsWith(row.subject() + "/" + row.shiftedCtDate() + "/"), output);
      String[] idName = Runs.patientIdAndName(dir.resolve("deid").resolve(output));
      assertEquals(row.subject() + "_" + row.shiftedCtDate(), idName[1]);
    }
  }

  private static void assertNoPlantedPhi(CohortManifest cohort, Path output) throws Exception {
    List<byte[]> needles =
        cohort.plantedPhi().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    try (Stream<Path> s = Files.walk(output)) {
      for (Path p : s.toList()) {
        String rel = output.relativize(p).toString();
        for (String phi : cohort.plantedPhi()) {
          assertFalse(rel.contains(phi), "planted PHI in an output path");
        }
        if (Files.isRegularFile(p)) {
          byte[] bytes = Files.readAllBytes(p);
          for (byte[] n : needles) {
            assertFalse(
                contains(bytes, n),
                "planted PHI in the bytes of "
                    + rel
                    + ": "
                    + new String(n, StandardCharsets.UTF_8));
          }
        }
      }
    }
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    return ByteSearch.contains(hay, needle);
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
