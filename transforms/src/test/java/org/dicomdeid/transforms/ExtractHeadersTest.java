package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** On the project's generated cohort: every file is a header record or a rejection, once. */
@ExtendWith(TestPipelineExtension.class)
class ExtractHeadersTest {
  @TempDir Path dir;

  @Test
  void everyFileOnceWithItsReason(TestPipeline p) throws Exception {
    CohortManifest cohort = CohortGenerator.generate(dir.resolve("export"), CohortSpec.small());
    String root = cohort.root().toString();
    // overlapping patterns: each file must still be read once
    PCollectionTuple out = p.apply(ExtractHeaders.from(List.of(root + "/**", root + "/KU*/**")));
    Map<String, String> kinds = new HashMap<>();
    Map<String, String> mrns = new HashMap<>();
    for (GeneratedFile f : cohort.files()) {
      kinds.put(f.path().toString(), f.kind());
      mrns.put(f.path().toString(), f.mrn());
    }
    PAssert.that(out.get(ExtractHeaders.HEADERS)).satisfies(new CheckHeaders(kinds, mrns));
    PAssert.that(out.get(ExtractHeaders.REJECTED)).satisfies(new CheckRejected(kinds));
    p.run().waitUntilFinish();
  }

  @Test
  void burnedInFilesPassWhenAllowed(TestPipeline p) throws Exception {
    CohortManifest cohort = CohortGenerator.generate(dir.resolve("export"), CohortSpec.small());
    PCollectionTuple out =
        p.apply(ExtractHeaders.from(List.of(cohort.root() + "/**")).withAllowBurnedIn(true));
    PAssert.that(out.get(ExtractHeaders.REJECTED))
        .satisfies(
            rows -> {
              rows.forEach(o -> assertTrue(o.status() != Status.QUARANTINED, o.reasonText()));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void aDicomdirIsSkippedEvenWhenItsRecordsAreBroken(TestPipeline p) throws Exception {
    Path dicomdir = dir.resolve("DICOMDIR");
    try (OutputStream out = Files.newOutputStream(dicomdir)) {
      FileMeta meta = new FileMeta();
      meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, ReadProblems.MEDIA_STORAGE_DIRECTORY);
      meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, "1.2.3");
      DicomWriter w = new DicomWriter(out);
      w.writeFileMeta(meta, TransferSyntax.EXPLICIT_LE);
      w.finish();
      // DirectoryRecordSequence (0004,1220) claiming more bytes than the file holds
      out.write(new byte[] {4, 0, 0x20, 0x12, 'S', 'Q', 0, 0, (byte) 0xE8, 3, 0, 0, 1, 2});
    }
    PCollectionTuple out = p.apply(ExtractHeaders.from(List.of(dicomdir.toString())));
    PAssert.that(out.get(ExtractHeaders.REJECTED))
        .containsInAnyOrder(Outcome.skipped(dicomdir.toString(), Reason.of(Reason.Kind.DICOMDIR)));
    p.run().waitUntilFinish();
  }

  /** Headers: every good CT file, with its MRN. */
  static final class CheckHeaders
      implements SerializableFunction<Iterable<HeaderRecord>, Void>, Serializable {
    private final Map<String, String> kinds;
    private final Map<String, String> mrns;

    CheckHeaders(Map<String, String> kinds, Map<String, String> mrns) {
      this.kinds = kinds;
      this.mrns = mrns;
    }

    @Override
    public Void apply(Iterable<HeaderRecord> records) {
      int dicom = 0;
      for (HeaderRecord r : records) {
        String kind = kinds.get(r.path());
        assertEquals(GeneratedFile.DICOM, kind);
        assertEquals(mrns.get(r.path()), r.mrn());
        dicom++;
      }
      assertEquals(kinds.values().stream().filter(GeneratedFile.DICOM::equals).count(), dicom);
      return null;
    }
  }

  /**
   * Rejections: non-DICOM skipped, burned-in quarantined, both broken files failed (the size is
   * known, so even the cut Pixel Data is caught by its length, without reading it).
   */
  static final class CheckRejected
      implements SerializableFunction<Iterable<Outcome>, Void>, Serializable {
    private final Map<String, String> kinds;

    CheckRejected(Map<String, String> kinds) {
      this.kinds = kinds;
    }

    @Override
    public Void apply(Iterable<Outcome> outcomes) {
      Map<Status, Integer> counts = new HashMap<>();
      for (Outcome o : outcomes) {
        String kind = kinds.get(o.input());
        Status expected =
            switch (kind) {
              case GeneratedFile.NOT_DICOM -> Status.SKIPPED;
              case GeneratedFile.BURNED_IN -> Status.QUARANTINED;
              default -> Status.FAILED;
            };
        assertEquals(expected, o.status(), kind + ": " + o.reasonText());
        counts.merge(o.status(), 1, Integer::sum);
      }
      assertEquals(Map.of(Status.SKIPPED, 2, Status.QUARANTINED, 2, Status.FAILED, 2), counts);
      return null;
    }
  }
}
