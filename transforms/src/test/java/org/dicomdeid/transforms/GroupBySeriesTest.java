package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenarios: one visit over two series, a conflicting series, duplicates, a folder mismatch. */
@ExtendWith(TestPipelineExtension.class)
class GroupBySeriesTest {

  @Test
  void studiesShareTheirEarliestDateAndConflictsFail(TestPipeline p) {
    PCollectionTuple out = p.apply(Create.of(
        // study 1.1: two series, CT dates differ by a day: both get the earliest
        record("/x/KU1_20220921/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220922"),
        record("/x/KU1_20220921/b", "KU1", "1.1", "1.1.2", "1.1.2.1", "20220921"),
        // duplicate SOP instance: the smallest path wins
        record("/x/KU1_20220921/c", "KU1", "1.1", "1.1.2", "1.1.2.1", "20220921"),
        // series 1.2.1 disagrees on MRN: both its files fail
        record("/y/1", "KU2", "1.2", "1.2.1", "1.2.1.1", "20230101"),
        record("/y/2", "KU3", "1.2", "1.2.1", "1.2.1.2", "20230101"),
        // study without any CT date
        record("/z/1", "KU4", "1.4", "1.4.1", "1.4.1.1", ""),
        // folder name disagrees with PatientID
        record("/w/KU9_20200101/1", "KU5", "1.5", "1.5.1", "1.5.1.1", "20200101"))
        .withCoder(HeaderRecord.HeaderRecordCoder.of()))
        .apply(GroupBySeries.create());
    PAssert.that(out.get(GroupBySeries.READY).apply("Describe", MapElements
            .into(TypeDescriptors.strings())
            .via((HeaderRecord r) -> r.path() + " " + r.ctDate() + " " + r.note())))
        .containsInAnyOrder(
            "/x/KU1_20220921/a 20220921 ",
            "/x/KU1_20220921/b 20220921 ",
            "/w/KU9_20200101/1 20200101 folder name disagrees with PatientID; DICOM value used");
    PAssert.that(out.get(GroupBySeries.FAILED)).containsInAnyOrder(
        Outcome.failed("/x/KU1_20220921/c", "duplicate SOP Instance UID"),
        Outcome.failed("/y/1", "series disagrees on PatientID (MRN) across its files"),
        Outcome.failed("/y/2", "series disagrees on PatientID (MRN) across its files"),
        Outcome.failed("/z/1", "no CT date in the study (AcquisitionDate, ContentDate, "
            + "SeriesDate, StudyDate, AcquisitionDateTime, FrameAcquisitionDateTime, "
            + "FrameReferenceDateTime, InstanceCreationDate all empty)"));
    p.run().waitUntilFinish();
  }

  @Test
  void aSeriesSpanningTwoStudiesFails(TestPipeline p) {
    PCollectionTuple out = p.apply(Create.of(
        record("/1", "KU1", "1.1", "9.9", "9.9.1", "20220921"),
        record("/2", "KU1", "1.2", "9.9", "9.9.2", "20220921"))
        .withCoder(HeaderRecord.HeaderRecordCoder.of()))
        .apply(GroupBySeries.create());
    PAssert.that(out.get(GroupBySeries.READY)).empty();
    PAssert.that(out.get(GroupBySeries.FAILED)).containsInAnyOrder(
        Outcome.failed("/1", "series disagrees on StudyInstanceUID across its files"),
        Outcome.failed("/2", "series disagrees on StudyInstanceUID across its files"));
    p.run().waitUntilFinish();
  }

  @Test
  void aCtDateFromBeyondTheUsualFourIsNoted() {
    assertEquals("", GroupBySeries.sourceNote("SeriesDate"));
    assertEquals("CT date from InstanceCreationDate",
        GroupBySeries.sourceNote("InstanceCreationDate"));
    assertEquals("CT date from StudyDate (YYYY.MM.DD)",
        GroupBySeries.sourceNote("StudyDate (YYYY.MM.DD)"));
  }
}
