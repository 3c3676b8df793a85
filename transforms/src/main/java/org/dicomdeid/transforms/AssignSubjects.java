package org.dicomdeid.transforms;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dicomdeid.rules.Keyed;

/**
 * Gives every MRN its subject ID. Only MRNs cross this global step: the distinct MRNs are combined
 * into one small sorted list ({@link DistinctStrings}), the previous mapping's MRN -> subject pairs
 * arrive as a side input, and {@link SubjectAllocator} keeps old subjects and draws new ones. The
 * result, MRN -> subject, is one element (use {@link #asView} to make it a singleton side input):
 * small by nature, one entry per patient. The key is read by the worker ({@link KeyedConfig}).
 */
public final class AssignSubjects
    extends PTransform<PCollection<HeaderRecord>, PCollection<Map<String, String>>> {
  private final KeyedConfig key;
  private final String prefix;
  private final int digits;
  private final PCollection<MappingRow> previous;

  private AssignSubjects(
      KeyedConfig key, String prefix, int digits, PCollection<MappingRow> previous) {
    this.key = key;
    this.prefix = prefix;
    this.digits = digits;
    this.previous = previous;
  }

  /** Subjects {@code <prefix><digits zero-padded>}, numbers keyed by the secret key. */
  public static AssignSubjects withKey(KeyedConfig key, String prefix, int digits) {
    return new AssignSubjects(key, prefix, digits, null);
  }

  /** The previous mapping's rows ({@link ReadMapping}): their MRNs keep their subject. */
  public AssignSubjects withPrevious(PCollection<MappingRow> rows) {
    return new AssignSubjects(key, prefix, digits, rows);
  }

  public static PCollectionView<Map<String, String>> asView(
      PCollection<Map<String, String>> subjects) {
    return subjects.apply("SubjectsAsSideInput", View.asSingleton());
  }

  @Override
  public PCollection<Map<String, String>> expand(PCollection<HeaderRecord> files) {
    PCollection<MappingRow> rows =
        previous != null
            ? previous
            : files
                .getPipeline()
                .apply("NoPreviousMapping", Create.empty(MappingRow.MappingRowCoder.of()));
    PCollectionView<Map<String, String>> previousView =
        rows.apply(
                "PreviousSubjects",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via((MappingRow r) -> KV.of(r.mrn(), r.subject())))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("OnePerMrn", Distinct.create())
            .apply("PreviousAsSideInput", View.asMap());
    return files
        .apply("ExtractMrns", MapElements.into(TypeDescriptors.strings()).via(HeaderRecord::mrn))
        .setCoder(StringUtf8Coder.of())
        .apply("CollectMrns", Combine.globally(new DistinctStrings()))
        .apply(
            "Assign",
            ParDo.of(new AssignFn(key, prefix, digits, previousView)).withSideInputs(previousView))
        .setCoder(SubjectTableCoder.of());
  }

  /** Runs once, on the list of all distinct MRNs. */
  static final class AssignFn extends DoFn<List<String>, Map<String, String>> {
    private final KeyedConfig key;
    private final String prefix;
    private final int digits;
    private final PCollectionView<Map<String, String>> previousView;
    private transient Keyed keyed;

    AssignFn(
        KeyedConfig key,
        String prefix,
        int digits,
        PCollectionView<Map<String, String>> previousView) {
      this.key = key;
      this.prefix = prefix;
      this.digits = digits;
      this.previousView = previousView;
    }

    @Setup
    public void setup() throws IOException {
      keyed = key.keyed();
    }

    @ProcessElement
    public void process(ProcessContext c) {
      SubjectAllocator allocator = new SubjectAllocator(keyed, prefix, digits);
      c.output(allocator.assign(c.sideInput(previousView), c.element()));
    }
  }
}
