package org.dicomdeid.pipeline;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.dicomdeid.transforms.AssignSubjects;
import org.dicomdeid.transforms.ExtractHeaders;
import org.dicomdeid.transforms.GroupBySeries;
import org.dicomdeid.transforms.HeaderRecord;
import org.dicomdeid.transforms.MappingRow;
import org.dicomdeid.transforms.Outcome;
import org.dicomdeid.transforms.ReadMapping;
import org.dicomdeid.transforms.RewriteFiles;
import org.dicomdeid.transforms.WriteMappingCsv;
import org.dicomdeid.transforms.WriteReport;

/**
 * De-identifies a DICOM export: match -> ExtractHeaders -> GroupBySeries -> AssignSubjects ->
 * RewriteFiles, with WriteMappingCsv and WriteReport (DESIGN.md, Data flow).
 */
public final class DeidPipeline {
  private DeidPipeline() {}

  /** What a test asserts on. */
  public record Outputs(
      PCollection<Outcome> outcomes,
      PCollection<Map<String, String>> subjects,
      PCollection<String> mapping,
      PCollection<String> report) {}

  /** The pipeline: returns the collections tests assert on. */
  public static Outputs buildPipeline(Pipeline pipeline, DeidSettings s) {
    int buckets = RunnerTuning.spreadBuckets(pipeline);
    PCollectionTuple extracted =
        pipeline.apply(
            "ExtractHeaders",
            ExtractHeaders.from(s.patterns())
                .withAllowBurnedIn(s.allowBurnedIn())
                .withBuckets(buckets));
    PCollectionTuple grouped =
        extracted
            .get(ExtractHeaders.HEADERS)
            .apply(
                "GroupBySeries",
                GroupBySeries.create()
                    .withSpread(GroupBySeries.DEFAULT_SPREAD_ABOVE, buckets)
                    .withKeys(RunnerTuning.groupingKeys(pipeline)));
    PCollection<HeaderRecord> ready = grouped.get(GroupBySeries.READY);
    PCollection<MappingRow> previous =
        pipeline.apply("ReadPreviousMapping", ReadMapping.from(s.mappingCsv()));
    PCollection<Map<String, String>> mrnToSubject =
        ready.apply(
            "AssignSubjects",
            AssignSubjects.withKey(s.keyedConfig(), s.subjectPrefix(), s.subjectDigits())
                .withPrevious(previous));
    PCollectionView<Map<String, String>> subjects = AssignSubjects.asView(mrnToSubject);
    PCollectionTuple rewritten =
        grouped
            .get(GroupBySeries.REWRITE)
            .apply(
                "RewriteFiles",
                RewriteFiles.to(s.output(), s.keyedConfig(), subjects)
                    .withOverwrite(s.overwrite()));
    PCollection<String> mapping =
        PCollectionTuple.of(WriteMappingCsv.ASSIGNED, ready)
            .and(WriteMappingCsv.WRITTEN, rewritten.get(RewriteFiles.WRITTEN))
            .and(WriteMappingCsv.PREVIOUS, previous)
            .apply(
                "WriteMappingCsv", WriteMappingCsv.to(s.mappingCsv(), s.keyedConfig(), subjects));
    PCollection<Outcome> outcomes =
        PCollectionList.of(extracted.get(ExtractHeaders.REJECTED))
            .and(grouped.get(GroupBySeries.FAILED))
            .and(rewritten.get(RewriteFiles.OUTCOMES))
            .apply("AllOutcomes", Flatten.pCollections());
    PCollection<String> report = outcomes.apply("WriteReport", WriteReport.to(s.reportCsv()));
    return new Outputs(outcomes, mrnToSubject, mapping, report);
  }
}
