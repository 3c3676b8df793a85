package org.dicomdeid.transforms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
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
import org.apache.beam.sdk.transforms.Flatten;

/**
 * Checks the header records by SOP instance, series and study, and dates each study:
 *
 * <ol>
 *   <li>duplicate SOP Instance UIDs within a series (the same instance exported twice): the
 *       file with the smallest path goes on, the others fail with "duplicate SOP Instance UID".
 *       This is checked inside the series group, not by a GroupByKey per instance: a shuffle
 *       keyed per file costs the DirectRunner a bundle per file. The same UID in two different
 *       series (a broken export) is written twice, in the two series' folders;
 *   <li>a series whose files disagree on MRN or study fails as a whole (no guessing);
 *   <li>a study whose series disagree on MRN fails as a whole; otherwise every file gets the
 *       study's earliest CT date, so all files of a visit share one PatientName, and a note when
 *       its {@code <MRN>_<YYYYMMDD>} folder disagrees (DICOM wins).
 * </ol>
 *
 * Only header records cross the shuffles; every GroupByKey result is iterated once (Flink).
 */
public final class GroupBySeries extends PTransform<PCollection<HeaderRecord>, PCollectionTuple> {
  public static final TupleTag<HeaderRecord> READY = new TupleTag<>() {};
  public static final TupleTag<Outcome> FAILED = new TupleTag<>() {};
  private static final TupleTag<KV<String, HeaderRecord>> BY_STUDY = new TupleTag<>() {};

  private GroupBySeries() {}

  public static GroupBySeries create() {
    return new GroupBySeries();
  }

  @Override
  public PCollectionTuple expand(PCollection<HeaderRecord> headers) {
    KvCoder<String, HeaderRecord> kv =
        KvCoder.of(StringUtf8Coder.of(), HeaderRecord.HeaderRecordCoder.of());
    PCollectionTuple series = headers
        .apply("KeyBySeries", WithKeys.of((HeaderRecord r) -> r.header().seriesInstanceUid())
            .withKeyType(TypeDescriptors.strings())).setCoder(kv)
        .apply("GroupBySeriesUid", GroupByKey.create())
        .apply("CheckSeries", ParDo.of(new CheckSeriesFn())
            .withOutputTags(BY_STUDY, TupleTagList.of(FAILED)));
    PCollectionTuple studies = series.get(BY_STUDY).setCoder(kv)
        .apply("GroupByStudy", GroupByKey.create())
        .apply("DateStudy", ParDo.of(new DateStudyFn())
            .withOutputTags(READY, TupleTagList.of(FAILED)));
    PCollection<Outcome> failed = PCollectionList
        .of(series.get(FAILED).setCoder(Outcome.OutcomeCoder.of()))
        .and(studies.get(FAILED).setCoder(Outcome.OutcomeCoder.of()))
        .apply("FlattenFailures", Flatten.pCollections());
    return PCollectionTuple.of(READY,
            studies.get(READY).setCoder(HeaderRecord.HeaderRecordCoder.of()))
        .and(FAILED, failed);
  }

  private static List<HeaderRecord> listOnce(Iterable<HeaderRecord> group) {
    List<HeaderRecord> all = new ArrayList<>();
    group.forEach(all::add);
    all.sort(Comparator.comparing(HeaderRecord::path));
    return all;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }

  private static void failAll(List<HeaderRecord> files, String reason, DoFn.MultiOutputReceiver out) {
    for (HeaderRecord r : files) {
      DeidMetrics.of(Status.FAILED).inc();
      out.get(FAILED).output(Outcome.failed(r.path(), reason));
    }
  }

  /** Of several files with one SOP Instance UID, keeps the smallest path. */
  /** A series must agree on MRN and study; then its files are keyed by study. */
  static final class CheckSeriesFn
      extends DoFn<KV<String, Iterable<HeaderRecord>>, KV<String, HeaderRecord>> {
    private final Counter checked = DeidMetrics.counter(DeidMetrics.SERIES_CHECKED);

    @ProcessElement
    public void process(@Element KV<String, Iterable<HeaderRecord>> group,
        MultiOutputReceiver out) {
      List<HeaderRecord> files = new ArrayList<>();
      List<HeaderRecord> duplicates = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (HeaderRecord r : listOnce(group.getValue())) {
        (seen.add(r.header().sopInstanceUid()) ? files : duplicates).add(r);
      }
      checked.inc(files.size() + duplicates.size());
      failAll(duplicates, "duplicate SOP Instance UID", out);
      HeaderRecord first = files.get(0);
      for (HeaderRecord r : files) {
        if (!r.mrn().equals(first.mrn())) {
          failAll(files, "series disagrees on PatientID (MRN) across its files", out);
          return;
        }
        if (!r.header().studyInstanceUid().equals(first.header().studyInstanceUid())) {
          failAll(files, "series disagrees on StudyInstanceUID across its files", out);
          return;
        }
      }
      for (HeaderRecord r : files) {
        out.get(BY_STUDY).output(KV.of(r.header().studyInstanceUid(), r));
      }
    }
  }

  private static final String FOLDER_DATE = "no CT date in the study; date taken from the folder"
      + " name";

  /**
   * The report's note when the study's CT date came from an attribute after the usual four
   * (AcquisitionDate, ContentDate, SeriesDate, StudyDate) or was written YYYY.MM.DD; else "".
   */
  static String sourceNote(String source) {
    boolean usual = false;
    for (String k : new String[] {"AcquisitionDate", "ContentDate", "SeriesDate", "StudyDate"}) {
      usual |= source.equals(k);
    }
    return usual || source.isEmpty() ? "" : "CT date from " + source;
  }

  /** A study must agree on MRN; its CT date is the earliest of its files'. */
  static final class DateStudyFn extends DoFn<KV<String, Iterable<HeaderRecord>>, HeaderRecord> {
    private final Counter dated = DeidMetrics.counter(DeidMetrics.STUDY_DATED);

    @ProcessElement
    public void process(@Element KV<String, Iterable<HeaderRecord>> group,
        MultiOutputReceiver out) {
      List<HeaderRecord> files = listOnce(group.getValue());
      dated.inc(files.size());
      String mrn = files.get(0).mrn();
      String earliest = "";
      String source = "";
      for (HeaderRecord r : files) {
        if (!r.mrn().equals(mrn)) {
          failAll(files, "study's series disagree on PatientID (MRN)", out);
          return;
        }
        String d = r.ctDate();
        if (!d.isEmpty() && (earliest.isEmpty() || d.compareTo(earliest) < 0)) {
          earliest = d;
          source = r.header().ctDateSource();
        }
      }
      String dateNote = sourceNote(source);
      if (earliest.isEmpty()) {
        // No date in DICOM: the visit folder's <MRN>_<YYYYMMDD> is the export's word for it.
        String[] visit = FolderNames.visit(files.get(0).path());
        if (visit == null || !visit[0].equals(mrn)) {
          failAll(files, "no CT date in the study (AcquisitionDate, ContentDate, SeriesDate, "
              + "StudyDate, AcquisitionDateTime, FrameAcquisitionDateTime, "
              + "FrameReferenceDateTime, InstanceCreationDate all empty)", out);
          return;
        }
        earliest = visit[1];
        dateNote = FOLDER_DATE;
      }
      for (HeaderRecord r : files) {
        String note = join(r.note(), dateNote.startsWith(FOLDER_DATE) ? dateNote
            : join(dateNote, FolderNames.disagreement(r.path(), mrn, earliest)));
        out.get(READY).output(r.withStudyDate(earliest, note));
      }
    }
  }
}
