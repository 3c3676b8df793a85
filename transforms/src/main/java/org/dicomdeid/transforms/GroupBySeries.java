package org.dicomdeid.transforms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Checks the header records by SOP instance, series and study, and dates each study. The decisions
 * are plain classes; this composite only groups and wires them:
 *
 * <ol>
 *   <li>{@link Duplicates}: duplicate SOP Instance UIDs within a series fail but the first. This is
 *       checked inside the series group, not by a GroupByKey per instance: a shuffle keyed per file
 *       costs the DirectRunner a bundle per file;
 *   <li>{@link SeriesCheck}: a series whose files disagree on MRN or study fails as a whole;
 *   <li>{@link StudyCheck}: a study whose series disagree on MRN fails as a whole;
 *   <li>{@link VisitDates}: every file of a study gets the study's earliest CT date, and a note
 *       when its {@code <MRN>_<YYYYMMDD>} folder disagrees (DICOM wins).
 * </ol>
 *
 * Only header records cross the shuffles; every GroupByKey result is iterated once (Flink).
 *
 * <p>{@link #READY} holds every dated record, for the subjects and the mapping. {@link #REWRITE}
 * holds the same records as the rewrite should take them: a study comes out of its grouping as one
 * unit of work (one bundle on the DirectRunner, one key on Flink), which is parallel enough when
 * there are many studies; only the files of a study larger than {@code spreadAbove} are spread
 * again over buckets ({@link Spread#within}), so one big study still uses every worker. Spreading
 * every study cost the DirectRunner a copy of each bucket's growing bag for every study that added
 * to it (25-45 s of 120-185 s at 300,000 files, with nothing written meanwhile).
 */
public final class GroupBySeries extends PTransform<PCollection<HeaderRecord>, PCollectionTuple> {
  public static final TupleTag<HeaderRecord> READY = new TupleTag<>() {};

  /** The records of {@link #READY}, studies above the spread threshold spread over buckets. */
  public static final TupleTag<HeaderRecord> REWRITE = new TupleTag<>() {};

  public static final TupleTag<Outcome> FAILED = new TupleTag<>() {};
  private static final TupleTag<KV<String, HeaderRecord>> BY_STUDY = new TupleTag<>() {};
  private static final TupleTag<HeaderRecord> WHOLE = new TupleTag<>() {};
  private static final TupleTag<HeaderRecord> LARGE = new TupleTag<>() {};

  /**
   * Studies of more files than this are spread for the rewrite: 1,000 CT slices (about 0.5 GB) are
   * a second or so of one core's rewriting, too much to leave on one worker when a cohort holds few
   * studies.
   */
  public static final int DEFAULT_SPREAD_ABOVE = 1000;

  /** Sets of buckets the large studies are spread over ({@link Spread#within}). */
  static final int STUDY_SETS = 16;

  private final int spreadAbove;
  private final int buckets;
  private final int keys;

  private GroupBySeries(int spreadAbove, int buckets, int keys) {
    this.spreadAbove = spreadAbove;
    this.buckets = buckets;
    this.keys = keys;
  }

  /** Grouped by series and study UID, studies above 1,000 files spread for the rewrite. */
  public static GroupBySeries create() {
    return new GroupBySeries(DEFAULT_SPREAD_ABOVE, ExtractHeaders.DEFAULT_BUCKETS, 0);
  }

  /**
   * Spreads the rewrite of each study of more than {@code files} files over {@code n} buckets (a
   * few times the workers' parallelism).
   */
  public GroupBySeries withSpread(int files, int n) {
    return new GroupBySeries(files, n, keys);
  }

  /**
   * Groups series and studies under {@code n} keys (a stable hash of the UID), each group split by
   * UID in memory, instead of one key per UID ({@code n} = 0, the default). For the DirectRunner:
   * it pays for every key (a timer each, scanned at every step) and for every bundle downstream (a
   * bundle per key: each ParDo deserialised again, metrics committed), and a thousand studies cost
   * it more than their files' work. A key then holds 1/{@code n} of the cohort in memory, which the
   * DirectRunner holds anyway; Flink keeps one key per UID.
   */
  public GroupBySeries withKeys(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("keys must be 0 (one per UID) or more");
    }
    return new GroupBySeries(spreadAbove, buckets, n);
  }

  /** The grouping key of a UID: itself, or one of {@code keys} buckets. */
  static String keyOf(String uid, int keys) {
    return keys == 0 ? uid : Integer.toString(Math.floorMod(uid.hashCode(), keys));
  }

  /** The records of a group (sorted by path) split by UID, groups in order of first path. */
  static Collection<List<HeaderRecord>> byUid(
      List<HeaderRecord> sorted, Function<HeaderRecord, String> uid) {
    Map<String, List<HeaderRecord>> parts = new LinkedHashMap<>();
    for (HeaderRecord r : sorted) {
      parts.computeIfAbsent(uid.apply(r), u -> new ArrayList<>()).add(r);
    }
    return parts.values();
  }

  @Override
  public PCollectionTuple expand(PCollection<HeaderRecord> headers) {
    KvCoder<String, HeaderRecord> kv =
        KvCoder.of(StringUtf8Coder.of(), HeaderRecord.HeaderRecordCoder.of());
    PCollectionTuple series =
        headers
            .apply(
                "KeyBySeries",
                WithKeys.of((HeaderRecord r) -> keyOf(r.header().seriesInstanceUid(), keys))
                    .withKeyType(TypeDescriptors.strings()))
            .setCoder(kv)
            .apply("GroupBySeriesUid", GroupByKey.create())
            .apply(
                "CheckSeries",
                ParDo.of(new CheckSeriesFn(keys))
                    .withOutputTags(BY_STUDY, TupleTagList.of(FAILED)));
    PCollectionTuple studies =
        series
            .get(BY_STUDY)
            .setCoder(kv)
            .apply("GroupByStudy", GroupByKey.create())
            .apply(
                "DateStudy",
                ParDo.of(new DateStudyFn(spreadAbove))
                    .withOutputTags(WHOLE, TupleTagList.of(LARGE).and(FAILED)));
    PCollection<Outcome> failed =
        PCollectionList.of(series.get(FAILED).setCoder(Outcome.OutcomeCoder.of()))
            .and(studies.get(FAILED).setCoder(Outcome.OutcomeCoder.of()))
            .apply("FlattenFailures", Flatten.pCollections());
    PCollection<HeaderRecord> whole =
        studies.get(WHOLE).setCoder(HeaderRecord.HeaderRecordCoder.of());
    PCollection<HeaderRecord> large =
        studies.get(LARGE).setCoder(HeaderRecord.HeaderRecordCoder.of());
    PCollection<HeaderRecord> ready =
        PCollectionList.of(whole).and(large).apply("AllDated", Flatten.pCollections());
    PCollection<HeaderRecord> spread =
        large.apply(
            "SpreadLargeStudies",
            Spread.within(
                (HeaderRecord r) -> r.header().studyInstanceUid(),
                STUDY_SETS,
                (HeaderRecord r) -> r.header().sopInstanceUid(),
                buckets));
    PCollection<HeaderRecord> rewrite =
        PCollectionList.of(whole).and(spread).apply("ForRewrite", Flatten.pCollections());
    return PCollectionTuple.of(READY, ready).and(REWRITE, rewrite).and(FAILED, failed);
  }

  private static List<HeaderRecord> listOnce(Iterable<HeaderRecord> group) {
    List<HeaderRecord> all = new ArrayList<>();
    group.forEach(all::add);
    all.sort(Comparator.comparing(HeaderRecord::path));
    return all;
  }

  private static void failAll(
      List<HeaderRecord> files, Reason reason, DoFn.MultiOutputReceiver out) {
    for (HeaderRecord r : files) {
      DeidMetrics.of(Status.FAILED).inc();
      out.get(FAILED).output(Outcome.failed(r.path(), reason));
    }
  }

  /**
   * Drops duplicate instances ({@link Duplicates}), fails a series that disagrees with itself
   * ({@link SeriesCheck}), keys the rest by study.
   */
  static final class CheckSeriesFn
      extends DoFn<KV<String, Iterable<HeaderRecord>>, KV<String, HeaderRecord>> {
    private final Counter checked = DeidMetrics.counter(DeidMetrics.SERIES_CHECKED);
    private final int keys;

    CheckSeriesFn(int keys) {
      this.keys = keys;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<HeaderRecord>> group, MultiOutputReceiver out) {
      for (List<HeaderRecord> series :
          byUid(listOnce(group.getValue()), r -> r.header().seriesInstanceUid())) {
        check(series, out);
      }
    }

    private void check(List<HeaderRecord> series, MultiOutputReceiver out) {
      checked.inc(series.size());
      Duplicates.Split split = Duplicates.of(series);
      failAll(split.duplicates(), Reason.of(Reason.Kind.DUPLICATE_INSTANCE), out);
      Optional<Reason> problem = SeriesCheck.problem(split.kept());
      if (problem.isPresent()) {
        failAll(split.kept(), problem.get(), out);
        return;
      }
      for (HeaderRecord r : split.kept()) {
        out.get(BY_STUDY).output(KV.of(keyOf(r.header().studyInstanceUid(), keys), r));
      }
    }
  }

  /**
   * Fails a study whose series disagree ({@link StudyCheck}), dates the rest ({@link VisitDates}),
   * and sends large studies apart to be spread for the rewrite.
   */
  static final class DateStudyFn extends DoFn<KV<String, Iterable<HeaderRecord>>, HeaderRecord> {
    private final Counter dated = DeidMetrics.counter(DeidMetrics.STUDY_DATED);
    private final int spreadAbove;

    DateStudyFn(int spreadAbove) {
      this.spreadAbove = spreadAbove;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<HeaderRecord>> group, MultiOutputReceiver out) {
      for (List<HeaderRecord> study :
          byUid(listOnce(group.getValue()), r -> r.header().studyInstanceUid())) {
        date(study, out);
      }
    }

    private void date(List<HeaderRecord> files, MultiOutputReceiver out) {
      dated.inc(files.size());
      Optional<Reason> problem = StudyCheck.problem(files);
      if (problem.isPresent()) {
        failAll(files, problem.get(), out);
        return;
      }
      Optional<VisitDates.StudyDate> date = VisitDates.of(files);
      if (date.isEmpty()) {
        failAll(files, Reason.of(Reason.Kind.NO_CT_DATE), out);
        return;
      }
      VisitDates.StudyDate d = date.get();
      for (HeaderRecord r : files) {
        out.get(files.size() > spreadAbove ? LARGE : WHOLE)
            .output(r.withStudyDate(d.ctDate(), VisitDates.notesOf(r, d)));
      }
    }
  }
}
