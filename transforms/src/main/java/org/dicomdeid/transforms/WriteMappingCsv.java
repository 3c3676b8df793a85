package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dicomdeid.rules.Deidentifier;

/**
 * Writes the mapping CSV (the key file): one row per subject and CT date of every file given a
 * subject ({@link #ASSIGNED}), with its counts of the studies, series and files written ({@link
 * #WRITTEN}; a visit none of whose files could be written keeps its row, with zeros), merged with
 * the previous mapping's rows ({@link #PREVIOUS}, optional: a row of this run replaces the previous
 * row of the same subject, MRN and CT date; other previous rows are kept), sorted, atomically and
 * owner-only, through Beam's filesystems by {@link WriteSortedCsv}: no step holds all rows. Emits
 * the file's path.
 */
public final class WriteMappingCsv extends PTransform<PCollectionTuple, PCollection<String>> {
  /** Every file given a subject: each visit gets a row, even if none of its files was written. */
  public static final TupleTag<HeaderRecord> ASSIGNED = new TupleTag<>() {};

  /** The files written: they are what the counts count. */
  public static final TupleTag<HeaderRecord> WRITTEN = new TupleTag<>() {};

  /** The previous mapping's rows ({@link ReadMapping}), if any. */
  public static final TupleTag<MappingRow> PREVIOUS = new TupleTag<>() {};

  /** Marks a visit without counting a file. */
  private static final String VISIT_ONLY = "";

  /** Ranks of a row in the merge: this run's row wins over the previous one. */
  private static final int THIS_RUN = 0;

  private static final int PREVIOUS_RUN = 1;

  private final String mappingFile;
  private final KeyedConfig config;
  private final PCollectionView<Map<String, String>> subjects;

  private WriteMappingCsv(
      String mappingFile, KeyedConfig config, PCollectionView<Map<String, String>> subjects) {
    this.mappingFile = mappingFile;
    this.config = config;
    this.subjects = subjects;
  }

  public static WriteMappingCsv to(
      String mappingFile, KeyedConfig config, PCollectionView<Map<String, String>> subjects) {
    return new WriteMappingCsv(mappingFile, config, subjects);
  }

  @Override
  public PCollection<String> expand(PCollectionTuple files) {
    KvCoder<String, String> kv = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    KvCoder<Integer, MappingRow> ranked =
        KvCoder.of(VarIntCoder.of(), MappingRow.MappingRowCoder.of());
    PCollection<KV<String, String>> visits =
        files
            .get(ASSIGNED)
            .apply(
                "KeyVisits",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via((HeaderRecord r) -> KV.of(visitKey(r), VISIT_ONLY)))
            .setCoder(kv);
    PCollection<KV<String, String>> written =
        files
            .get(WRITTEN)
            .apply(
                "KeyWrittenByVisit",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(
                        (HeaderRecord r) ->
                            KV.of(
                                visitKey(r),
                                r.header().studyInstanceUid()
                                    + "\u0000"
                                    + r.header().seriesInstanceUid())))
            .setCoder(kv);
    PCollection<KV<Integer, MappingRow>> thisRun =
        PCollectionList.of(visits)
            .and(written)
            .apply("VisitsAndFiles", Flatten.pCollections())
            .apply("CountPerVisit", Combine.perKey(new CountVisitFn()))
            .apply(
                "ToMappingRows",
                ParDo.of(new ToMappingRowFn(config, subjects)).withSideInputs(subjects))
            .setCoder(ranked);
    PCollectionList<KV<Integer, MappingRow>> all = PCollectionList.of(thisRun);
    if (files.has(PREVIOUS)) {
      all =
          all.and(
              files
                  .get(PREVIOUS)
                  .apply(
                      "RankPrevious",
                      MapElements.into(
                              TypeDescriptors.kvs(
                                  TypeDescriptors.integers(), TypeDescriptor.of(MappingRow.class)))
                          .via((MappingRow r) -> KV.of(PREVIOUS_RUN, r)))
                  .setCoder(ranked));
    }
    return all.apply("ThisAndPreviousRows", Flatten.pCollections())
        .apply(
            "WriteSortedFile",
            WriteSortedCsv.to(mappingFile, new MappingRows(config.shiftDates())));
  }

  /**
   * The file's rows by {@link MappingRow#ORDER}; of a visit in both, this run's row ({@link
   * #THIS_RUN} ranks first) is kept and the previous one dropped.
   */
  static final class MappingRows implements CsvRows<KV<Integer, MappingRow>> {
    private final boolean shifted;

    MappingRows(boolean shifted) {
      this.shifted = shifted;
    }

    @Override
    public Comparator<KV<Integer, MappingRow>> order() {
      return Comparator.comparing((KV<Integer, MappingRow> r) -> r.getValue(), MappingRow.ORDER)
          .thenComparing(KV::getKey);
    }

    @Override
    public boolean sameRow(KV<Integer, MappingRow> kept, KV<Integer, MappingRow> later) {
      return MappingRow.ORDER.compare(kept.getValue(), later.getValue()) == 0;
    }

    @Override
    public List<String> header() {
      return MappingCsv.header(shifted);
    }

    @Override
    public List<Object> cells(KV<Integer, MappingRow> row) {
      return MappingCsv.cells(row.getValue(), shifted);
    }
  }

  private static String visitKey(HeaderRecord r) {
    return r.mrn() + "\u0000" + r.ctDate();
  }

  /** Distinct studies and series and the number of files of one visit. */
  static final class VisitCount {
    final TreeSet<String> studies = new TreeSet<>();
    final TreeSet<String> series = new TreeSet<>();
    long files;
  }

  /**
   * Deterministic (sorted sets), so that the DirectRunner's mutation checks never need to print an
   * element: the visit keys hold MRNs.
   */
  static final class VisitCountCoder extends AtomicCoder<VisitCount> {
    private static final Coder<List<String>> STRINGS = ListCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(VisitCount v, OutputStream out) throws IOException {
      STRINGS.encode(new ArrayList<>(v.studies), out);
      STRINGS.encode(new ArrayList<>(v.series), out);
      VarLongCoder.of().encode(v.files, out);
    }

    @Override
    public VisitCount decode(InputStream in) throws IOException {
      VisitCount v = new VisitCount();
      v.studies.addAll(STRINGS.decode(in));
      v.series.addAll(STRINGS.decode(in));
      v.files = VarLongCoder.of().decode(in);
      return v;
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** Counts a visit's files, combinable. */
  static final class CountVisitFn extends Combine.CombineFn<String, VisitCount, List<Long>> {
    @Override
    public VisitCount createAccumulator() {
      return new VisitCount();
    }

    @Override
    public VisitCount addInput(VisitCount acc, String studyAndSeries) {
      if (studyAndSeries.equals(VISIT_ONLY)) {
        return acc;
      }
      acc.studies.add(studyAndSeries.substring(0, studyAndSeries.indexOf('\u0000')));
      acc.series.add(studyAndSeries);
      acc.files++;
      return acc;
    }

    @Override
    public VisitCount mergeAccumulators(Iterable<VisitCount> accs) {
      VisitCount all = new VisitCount();
      for (VisitCount a : accs) {
        all.studies.addAll(a.studies);
        all.series.addAll(a.series);
        all.files += a.files;
      }
      return all;
    }

    @Override
    public List<Long> extractOutput(VisitCount acc) {
      return List.of((long) acc.studies.size(), (long) acc.series.size(), acc.files);
    }

    @Override
    public Coder<VisitCount> getAccumulatorCoder(CoderRegistry r, Coder<String> in) {
      return new VisitCountCoder();
    }
  }

  /** A visit's counts as a row with its subject and, when dates are shifted, shifted date. */
  static final class ToMappingRowFn extends DoFn<KV<String, List<Long>>, KV<Integer, MappingRow>> {
    private final KeyedConfig config;
    private final PCollectionView<Map<String, String>> subjects;
    private transient Deidentifier deid;

    ToMappingRowFn(KeyedConfig config, PCollectionView<Map<String, String>> subjects) {
      this.config = config;
      this.subjects = subjects;
    }

    @Setup
    public void setup() throws IOException {
      deid = new Deidentifier(config.load());
    }

    @ProcessElement
    public void process(ProcessContext c) {
      String[] visit = c.element().getKey().split("\u0000", -1);
      List<Long> n = c.element().getValue();
      String subject = c.sideInput(subjects).get(visit[0]);
      String shifted = config.shiftDates() ? deid.outputDate(visit[1], visit[0]) : "";
      c.output(
          KV.of(
              THIS_RUN,
              new MappingRow(subject, visit[0], visit[1], shifted, n.get(0), n.get(1), n.get(2))));
    }
  }
}
