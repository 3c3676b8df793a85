package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.dicomdeid.rules.DeidConfig;
import org.dicomdeid.rules.Deidentifier;
import org.dicomdeid.rules.DicomHeader;
import org.dicomdeid.rules.HeaderFacts;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class RewriteFilesTest {
  private static final DeidConfig CONFIG = DeidConfig.of(new byte[32], DeidConfig.defaultOptions());
  @TempDir Path dir;

  @Test
  void aDefectReadThroughIsNotedInTheWrittenRow(TestPipeline p) throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(5L, 1, 1, 1, 1, 16, 16, false, false));
    GeneratedFile f = cohort.filesOfKind(GeneratedFile.DICOM).get(0);
    byte[] b = Files.readAllBytes(f.path());
    assertEquals("UL", new String(b, 136, 2, StandardCharsets.US_ASCII));
    b[140] += 2; // (0002,0000) now claims two bytes more than the meta group holds
    Files.write(f.path(), b);
    HeaderRecord r = read(f.path());
    Map<String, String> subjects = Map.of(f.mrn(), "S0");
    PCollectionView<Map<String, String>> view =
        p.apply(
                "Subjects",
                Create.of(List.<Map<String, String>>of(subjects)).withCoder(SubjectTableCoder.of()))
            .apply(View.asSingleton());
    PCollectionTuple result =
        p.apply("Files", Create.of(List.of(r)).withCoder(HeaderRecord.HeaderRecordCoder.of()))
            .apply(RewriteFiles.to(dir.resolve("deid").toString(), TestKeys.zeroKey(dir), view));
    PAssert.that(result.get(RewriteFiles.OUTCOMES))
        .containsInAnyOrder(
            Outcome.written(
                r.path(),
                RewriteFiles.outputPath(new Deidentifier(CONFIG), "S0", r),
                List.of(
                    Reason.of(
                        Reason.Kind.READ_THROUGH,
                        "file meta group length (0002,0000)"
                            + " disagrees with the group: read element by element"))));
    p.run().waitUntilFinish();
  }

  @Test
  void writesEachFileUnderItsNewNamesAndFailsCleanly(TestPipeline p) throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(3L, 2, 1, 2, 2, 16, 16, false, false));
    Map<String, String> subjects = new TreeMap<>();
    List<HeaderRecord> records = new ArrayList<>();
    List<Outcome> expected = new ArrayList<>();
    Deidentifier deid = new Deidentifier(CONFIG);
    for (GeneratedFile f : cohort.filesOfKind(GeneratedFile.DICOM)) {
      subjects.putIfAbsent(f.mrn(), "S" + subjects.size());
      HeaderRecord r = read(f.path());
      records.add(r);
      expected.add(
          Outcome.written(
              r.path(), RewriteFiles.outputPath(deid, subjects.get(f.mrn()), r), List.of()));
    }
    // a file whose header was fine but whose bytes are not DICOM any more
    Path broken = Files.writeString(dir.resolve("export/broken"), "no longer a DICOM file");
    HeaderRecord stale =
        new HeaderRecord(broken.toString(), 22, records.get(0).header(), List.of());
    expected.add(
        Outcome.failed(
            broken.toString(),
            Reason.of(
                Reason.Kind.UNREADABLE_DICOM,
                "at byte offset 0: not DICOM: no DICM prefix and the first bytes are "
                    + "not a DICOM data element")));
    records.add(stale);

    Path out = dir.resolve("deid");
    PCollectionView<Map<String, String>> view =
        p.apply(
                "Subjects",
                Create.of(List.<Map<String, String>>of(subjects)).withCoder(SubjectTableCoder.of()))
            .apply(View.asSingleton());
    PCollectionTuple result =
        p.apply("Files", Create.of(records).withCoder(HeaderRecord.HeaderRecordCoder.of()))
            .apply(RewriteFiles.to(out.toString(), TestKeys.zeroKey(dir), view));
    PAssert.that(result.get(RewriteFiles.OUTCOMES)).containsInAnyOrder(expected);
    PAssert.that(result.get(RewriteFiles.WRITTEN))
        .containsInAnyOrder(records.subList(0, records.size() - 1));
    p.run().waitUntilFinish();

    try (Stream<Path> s = Files.walk(out)) {
      assertEquals(
          records.size() - 1,
          s.filter(Files::isRegularFile).count(),
          "one file per written outcome, no temporary files");
    }
  }

  private static HeaderRecord read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      DicomHeader h = HeaderFacts.read(in, Files.size(file));
      return new HeaderRecord(file.toString(), Files.size(file), h, List.of());
    }
  }
}
