package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenarios: one visit over two series, a conflicting series, duplicates, a folder mismatch. */
@ExtendWith(TestPipelineExtension.class)
class GroupBySeriesTest {

  @Test
  void studiesShareTheirEarliestDateAndConflictsFail(TestPipeline p) {
    studiesShareTheirEarliestDateAndConflictsFail(p, GroupBySeries.create());
  }

  /** The same, every series and every study under one key, split by UID in memory. */
  @Test
  void oneKeyForAllGroupsGivesTheSameResult(TestPipeline p) {
    studiesShareTheirEarliestDateAndConflictsFail(p, GroupBySeries.create().withKeys(1));
  }

  /** The same, under 3 keys: some groups share a key, some not. */
  @Test
  void fewKeysGiveTheSameResult(TestPipeline p) {
    studiesShareTheirEarliestDateAndConflictsFail(p, GroupBySeries.create().withKeys(3));
  }

  private static void studiesShareTheirEarliestDateAndConflictsFail(
      TestPipeline p, GroupBySeries grouping) {
    PCollectionTuple out =
        p.apply(
                Create.of(
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
            .apply(grouping);
    PAssert.that(
            out.get(GroupBySeries.READY)
                .apply(
                    "Describe",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (HeaderRecord r) ->
                                r.path() + " " + r.ctDate() + " " + Reason.text(r.notes()))))
        .containsInAnyOrder(
            "/x/KU1_20220921/a 20220921 ",
            "/x/KU1_20220921/b 20220921 ",
            "/w/KU9_20200101/1 20200101 folder name disagrees with PatientID; DICOM value used");
    PAssert.that(out.get(GroupBySeries.FAILED))
        .containsInAnyOrder(
            Outcome.failed("/x/KU1_20220921/c", Reason.of(Reason.Kind.DUPLICATE_INSTANCE)),
            Outcome.failed("/y/1", Reason.of(Reason.Kind.SERIES_MRN_CONFLICT)),
            Outcome.failed("/y/2", Reason.of(Reason.Kind.SERIES_MRN_CONFLICT)),
            Outcome.failed("/z/1", Reason.of(Reason.Kind.NO_CT_DATE)));
    p.run().waitUntilFinish();
  }

  @Test
  void aSeriesSpanningTwoStudiesFails(TestPipeline p) {
    aSeriesSpanningTwoStudiesFails(p, GroupBySeries.create());
  }

  @Test
  void aSeriesSpanningTwoStudiesFailsUnderOneKey(TestPipeline p) {
    aSeriesSpanningTwoStudiesFails(p, GroupBySeries.create().withKeys(1));
  }

  private static void aSeriesSpanningTwoStudiesFails(TestPipeline p, GroupBySeries grouping) {
    PCollectionTuple out =
        p.apply(
                Create.of(
                        record("/1", "KU1", "1.1", "9.9", "9.9.1", "20220921"),
                        record("/2", "KU1", "1.2", "9.9", "9.9.2", "20220921"))
                    .withCoder(HeaderRecord.HeaderRecordCoder.of()))
            .apply(grouping);
    PAssert.that(out.get(GroupBySeries.READY)).empty();
    PAssert.that(out.get(GroupBySeries.FAILED))
        .containsInAnyOrder(
            Outcome.failed("/1", Reason.of(Reason.Kind.SERIES_STUDY_CONFLICT)),
            Outcome.failed("/2", Reason.of(Reason.Kind.SERIES_STUDY_CONFLICT)));
    p.run().waitUntilFinish();
  }

  /**
   * The rewrite takes every dated record once, whether its study is spread (more files than the
   * threshold) or kept whole; failed files are in neither.
   */
  @Test
  void largeStudiesAreSpreadAndSmallOnesKeptWholeForTheRewrite(TestPipeline p) {
    List<HeaderRecord> in = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) { // study 2.1: 7 files, above the threshold of 3
      in.add(record("/big/" + i, "KU1", "2.1", "2.1.1", "2.1.1." + i, "20220921"));
      expected.add("/big/" + i + " 20220921");
    }
    for (int i = 0; i < 3; i++) { // study 2.2: 3 files, kept whole
      in.add(record("/small/" + i, "KU2", "2.2", "2.2.1", "2.2.1." + i, "20230101"));
      expected.add("/small/" + i + " 20230101");
    }
    // the same instance under a smaller path: that one is written, /small/0 fails
    in.add(record("/dup", "KU2", "2.2", "2.2.1", "2.2.1.0", "20230101"));
    expected.remove("/small/0 20230101");
    expected.add("/dup 20230101");
    PCollectionTuple out =
        p.apply(Create.of(in).withCoder(HeaderRecord.HeaderRecordCoder.of()))
            .apply(GroupBySeries.create().withSpread(3, 4).withKeys(2));
    for (TupleTag<HeaderRecord> tag : List.of(GroupBySeries.READY, GroupBySeries.REWRITE)) {
      PAssert.that(
              out.get(tag)
                  .apply(
                      "Describe" + tag.getId().hashCode(),
                      MapElements.into(TypeDescriptors.strings())
                          .via((HeaderRecord r) -> r.path() + " " + r.ctDate())))
          .containsInAnyOrder(expected);
    }
    PAssert.that(out.get(GroupBySeries.FAILED))
        .containsInAnyOrder(Outcome.failed("/small/0", Reason.of(Reason.Kind.DUPLICATE_INSTANCE)));
    p.run().waitUntilFinish();
  }
}
