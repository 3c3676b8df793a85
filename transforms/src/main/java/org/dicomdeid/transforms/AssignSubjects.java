package org.dicomdeid.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.dicomdeid.dicom.deid.Keyed;

/**
 * Gives every MRN its subject ID. Only MRNs cross this global step: the distinct MRNs are
 * combined into one small sorted list, the previous mapping arrives as a side input, and
 * {@link SubjectAllocator} keeps old subjects and draws new ones. The result, MRN -> subject,
 * is one element (use {@link #asView} to make it a singleton side input).
 */
public final class AssignSubjects
    extends PTransform<PCollection<HeaderRecord>, PCollection<Map<String, String>>> {
  private final byte[] secretKey;
  private final String prefix;
  private final int digits;
  private final Map<String, String> previous;

  private AssignSubjects(byte[] secretKey, String prefix, int digits,
      Map<String, String> previous) {
    this.secretKey = secretKey.clone();
    this.prefix = prefix;
    this.digits = digits;
    this.previous = new TreeMap<>(previous);
  }

  /** Subjects {@code <prefix><digits zero-padded>}, numbers keyed by {@code secretKey}. */
  public static AssignSubjects withKey(byte[] secretKey, String prefix, int digits) {
    return new AssignSubjects(secretKey, prefix, digits, Map.of());
  }

  /** MRN -> subject from the previous mapping CSV: these keep their subject. */
  public AssignSubjects withPrevious(Map<String, String> mrnToSubject) {
    return new AssignSubjects(secretKey, prefix, digits, mrnToSubject);
  }

  public static PCollectionView<Map<String, String>> asView(
      PCollection<Map<String, String>> subjects) {
    return subjects.apply("SubjectsAsSideInput", View.asSingleton());
  }

  @Override
  public PCollection<Map<String, String>> expand(PCollection<HeaderRecord> files) {
    List<KV<String, String>> previousRows = new ArrayList<>();
    previous.forEach((mrn, subject) -> previousRows.add(KV.of(mrn, subject)));
    PCollectionView<Map<String, String>> previousView = files.getPipeline()
        .apply("ReadPreviousMapping", Create.of(previousRows)
            .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply("PreviousAsSideInput", View.asMap());
    return files
        .apply("ExtractMrns", MapElements.into(TypeDescriptors.strings()).via(HeaderRecord::mrn))
        .setCoder(StringUtf8Coder.of())
        .apply("DistinctMrns", Distinct.create())
        .apply("CollectMrns", Combine.globally(CollectAll.<String>of()))
        .apply("Assign", ParDo.of(new AssignFn(secretKey, prefix, digits, previousView))
            .withSideInputs(previousView))
        .setCoder(SubjectTableCoder.of());
  }

  /** Runs once, on the list of all distinct MRNs. */
  static final class AssignFn extends DoFn<List<String>, Map<String, String>> {
    private final byte[] secretKey;
    private final String prefix;
    private final int digits;
    private final PCollectionView<Map<String, String>> previousView;

    AssignFn(byte[] secretKey, String prefix, int digits,
        PCollectionView<Map<String, String>> previousView) {
      this.secretKey = secretKey;
      this.prefix = prefix;
      this.digits = digits;
      this.previousView = previousView;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      SubjectAllocator allocator = new SubjectAllocator(new Keyed(secretKey), prefix, digits);
      c.output(allocator.assign(c.sideInput(previousView), c.element()));
    }
  }
}
