package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the report, one file sorted by input path, atomically and owner-only (it names input
 * paths, which hold MRNs): {@code input,status,reason,output}. Emits the report's path. Input
 * paths are in {@link FileNames}' reversible form: any bytes, percent-encoded where they are not
 * UTF-8 text.
 */
public final class WriteReport extends PTransform<PCollection<Outcome>, PCollection<String>> {
  public static final String[] HEADER = {"input", "status", "reason", "output"};
  private final String reportFile;

  private WriteReport(String reportFile) {
    this.reportFile = reportFile;
  }

  /** Writes to a local file. */
  public static WriteReport to(String reportFile) {
    return new WriteReport(reportFile);
  }

  @Override
  public PCollection<String> expand(PCollection<Outcome> outcomes) {
    return outcomes
        .apply("CollectRows", Combine.globally(CollectAll.<Outcome>of()))
        .apply("WriteFile", ParDo.of(new WriteReportFn(reportFile)))
        .setCoder(StringUtf8Coder.of());
  }

  /** The report's text. */
  public static String format(List<Outcome> outcomes) throws IOException {
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparing(Outcome::input).thenComparing(Outcome::status)
        .thenComparing(Outcome::reason));
    StringWriter w = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(HEADER)
        .get();
    try (CSVPrinter p = new CSVPrinter(w, format)) {
      for (Outcome o : sorted) {
        p.printRecord(FileNames.display(o.input()), o.status().label(), o.reason(), o.output());
      }
    }
    return w.toString();
  }

  /** Writes all rows at once. */
  static final class WriteReportFn extends DoFn<List<Outcome>, String> {
    private final String reportFile;

    WriteReportFn(String reportFile) {
      this.reportFile = reportFile;
    }

    @ProcessElement
    public void process(@Element List<Outcome> rows, OutputReceiver<String> out)
        throws IOException {
      OwnerOnlyFiles.write(Path.of(reportFile), format(rows));
      out.output(reportFile);
    }
  }
}
