package org.dicomdeid.transforms;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.dicomdeid.rules.DeidConfig;
import org.dicomdeid.rules.Deidentifier;
import org.dicomdeid.rules.HeaderFacts;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A file deleted after the match: failed with "vanished", at either read, never a crash. */
@ExtendWith(TestPipelineExtension.class)
class VanishedInputTest {
  private static final DeidConfig CONFIG = DeidConfig.of(new byte[32], DeidConfig.defaultOptions());
  @TempDir Path dir;

  @Test
  void aFileGoneBeforeItsHeaderIsReadFails(TestPipeline p) throws Exception {
    String gone = dir.resolve("KU1_20200101/IM0001").toString();
    PCollectionTuple out =
        p.apply(
                Create.of(KV.of(gone, 1234L))
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
            .apply(
                ParDo.of(new ExtractHeaders.ReadHeaderFn(false))
                    .withOutputTags(
                        ExtractHeaders.HEADERS, TupleTagList.of(ExtractHeaders.REJECTED)));
    out.get(ExtractHeaders.HEADERS).setCoder(HeaderRecord.HeaderRecordCoder.of());
    PAssert.that(out.get(ExtractHeaders.REJECTED).setCoder(Outcome.OutcomeCoder.of()))
        .containsInAnyOrder(Outcome.failed(gone, Reason.of(Reason.Kind.VANISHED)));
    PAssert.that(out.get(ExtractHeaders.HEADERS)).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void aFileGoneBetweenHeaderAndRewriteFailsAndTheOthersAreWritten(TestPipeline p)
      throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(5L, 1, 1, 1, 2, 16, 16, false, false));
    GeneratedFile kept = cohort.filesOfKind(GeneratedFile.DICOM).get(0);
    GeneratedFile deleted = cohort.filesOfKind(GeneratedFile.DICOM).get(1);
    HeaderRecord keptRecord = read(kept.path());
    HeaderRecord deletedRecord = read(deleted.path());
    Files.delete(deleted.path());
    PCollectionView<Map<String, String>> subjects =
        p.apply(
                "Subjects",
                Create.of(List.<Map<String, String>>of(Map.of(kept.mrn(), "S1")))
                    .withCoder(SubjectTableCoder.of()))
            .apply(View.asSingleton());
    PCollectionTuple out =
        p.apply(
                "Files",
                Create.of(keptRecord, deletedRecord).withCoder(HeaderRecord.HeaderRecordCoder.of()))
            .apply(
                RewriteFiles.to(dir.resolve("deid").toString(), TestKeys.zeroKey(dir), subjects));
    PAssert.that(out.get(RewriteFiles.OUTCOMES))
        .containsInAnyOrder(
            Outcome.written(
                keptRecord.path(),
                RewriteFiles.outputPath(new Deidentifier(CONFIG), "S1", keptRecord),
                List.of()),
            Outcome.failed(deletedRecord.path(), Reason.of(Reason.Kind.VANISHED)));
    p.run().waitUntilFinish();
  }

  private static HeaderRecord read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new HeaderRecord(
          file.toString(), Files.size(file), HeaderFacts.read(in, Files.size(file)), List.of());
    }
  }
}
