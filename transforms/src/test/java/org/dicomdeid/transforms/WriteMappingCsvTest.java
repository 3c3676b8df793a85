package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteMappingCsvTest {
  @TempDir Path dir;

  @Test
  void oneRowPerVisitMergedWithThePreviousMapping(TestPipeline p) throws Exception {
    HeaderRecord a1 = record("/a/1", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921");
    HeaderRecord a2 = record("/a/2", "KU1", "1.1", "1.1.2", "1.1.2.1", "20220921");
    HeaderRecord a3 = record("/a/3", "KU1", "1.1", "1.1.2", "1.1.2.2", "20220921");
    HeaderRecord b1 = record("/b/1", "KU2", "1.2", "1.2.1", "1.2.1.1", "20230101");
    PCollection<HeaderRecord> assigned =
        p.apply(
            "Assigned", Create.of(a1, a2, a3, b1).withCoder(HeaderRecord.HeaderRecordCoder.of()));
    // b1 could not be written: its visit keeps a row, with zero counts
    PCollection<HeaderRecord> written =
        p.apply("Written", Create.of(a1, a2, a3).withCoder(HeaderRecord.HeaderRecordCoder.of()));
    PCollectionView<Map<String, String>> subjects =
        p.apply(
                "Subjects",
                Create.of(
                        List.<Map<String, String>>of(Map.of("KU1", "S1", "KU2", "S2", "KU0", "S0")))
                    .withCoder(SubjectTableCoder.of()))
            .apply(View.asSingleton());
    MappingRow old = new MappingRow("S0", "KU0", "20100101", "", 1, 1, 4);
    MappingRow replaced = new MappingRow("S1", "KU1", "20220921", "", 9, 9, 9);
    Path file = dir.resolve("mapping.csv");
    PCollection<MappingRow> previous =
        p.apply("Previous", Create.of(old, replaced).withCoder(MappingRow.MappingRowCoder.of()));
    PCollection<String> path =
        PCollectionTuple.of(WriteMappingCsv.ASSIGNED, assigned)
            .and(WriteMappingCsv.WRITTEN, written)
            .and(WriteMappingCsv.PREVIOUS, previous)
            .apply(WriteMappingCsv.to(file.toString(), TestKeys.zeroKey(dir), subjects));
    PAssert.thatSingleton(path).isEqualTo(file.toString());
    p.run().waitUntilFinish();
    assertEquals(
        "subj,MRN,ct_date,studies,series,files\nS0,KU0,20100101,1,1,4\n"
            + "S1,KU1,20220921,1,2,3\nS2,KU2,20230101,0,0,0\n",
        Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
