package org.dicomdeid.transforms;

import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the report, one file sorted by input path, atomically and owner-only (it names input
 * paths, which hold MRNs): {@code input,status,reason,output}. Written through Beam's filesystems
 * by {@link WriteSortedCsv}: no step holds all rows. Emits the report's path. Input paths are in
 * {@link FileNames}' reversible form: any bytes, percent-encoded where they are not UTF-8 text.
 */
public final class WriteReport extends PTransform<PCollection<Outcome>, PCollection<String>> {
  public static final String[] HEADER = {"input", "status", "reason", "output"};

  /** The report's order: input path, then status and reason. */
  static final Comparator<Outcome> ORDER =
      Comparator.comparing(Outcome::input)
          .thenComparing(Outcome::status)
          .thenComparing(Outcome::reasonText);

  private final String reportFile;

  private WriteReport(String reportFile) {
    this.reportFile = reportFile;
  }

  /** Writes to a path on any Beam filesystem (a plain path is a local file). */
  public static WriteReport to(String reportFile) {
    return new WriteReport(reportFile);
  }

  @Override
  public PCollection<String> expand(PCollection<Outcome> outcomes) {
    return outcomes.apply("WriteSortedFile", WriteSortedCsv.to(reportFile, new ReportRows()));
  }

  /** One report row per outcome, by {@link #ORDER}. */
  static final class ReportRows implements CsvRows<Outcome> {
    @Override
    public Comparator<Outcome> order() {
      return ORDER;
    }

    @Override
    public List<String> header() {
      return List.of(HEADER);
    }

    @Override
    public List<Object> cells(Outcome o) {
      return List.of(FileNames.display(o.input()), o.status().label(), o.reasonText(), o.output());
    }
  }
}
