package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.dicomdeid.rules.Keyed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class AssignSubjectsTest {
  private static final byte[] KEY = new byte[32];
  @TempDir Path dir;

  /** A previous mapping: KU2 on two visits, one subject. */
  private static PCollection<MappingRow> previous(TestPipeline p) {
    return p.apply(
        "Previous",
        Create.of(
                new MappingRow("SUBJ0042", "KU2", "20200101", "", 1, 1, 1),
                new MappingRow("SUBJ0042", "KU2", "20210101", "", 1, 1, 2))
            .withCoder(MappingRow.MappingRowCoder.of()));
  }

  @Test
  void oneSubjectPerMrnKeepingThePreviousOnes(TestPipeline p) throws Exception {
    PCollection<HeaderRecord> files =
        p.apply(
            Create.of(
                    Records.record("/a/1", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"),
                    Records.record("/a/2", "KU1", "1.1", "1.1.1", "1.1.1.2", "20220921"),
                    Records.record("/b/1", "KU2", "1.2", "1.2.1", "1.2.1.1", "20230101"),
                    Records.record("/c/1", "KU3", "1.3", "1.3.1", "1.3.1.1", "20230101"))
                .withCoder(HeaderRecord.HeaderRecordCoder.of()));
    PCollection<Map<String, String>> subjects =
        files.apply(
            AssignSubjects.withKey(TestKeys.zeroKey(dir), "SUBJ", 4).withPrevious(previous(p)));
    Map<String, String> expected =
        new SubjectAllocator(new Keyed(KEY), "SUBJ", 4)
            .assign(Map.of("KU2", "SUBJ0042"), List.of("KU1", "KU3"));
    assertEquals("SUBJ0042", expected.get("KU2"));
    PAssert.thatSingleton(subjects).isEqualTo(expected);
    p.run().waitUntilFinish();
  }

  @Test
  void noFilesGiveThePreviousMapping(TestPipeline p) throws Exception {
    PCollection<HeaderRecord> none = p.apply(Create.empty(HeaderRecord.HeaderRecordCoder.of()));
    PAssert.thatSingleton(
            none.apply(
                AssignSubjects.withKey(TestKeys.zeroKey(dir), "SUBJ", 4).withPrevious(previous(p))))
        .isEqualTo(Map.of("KU2", "SUBJ0042"));
    p.run().waitUntilFinish();
  }
}
