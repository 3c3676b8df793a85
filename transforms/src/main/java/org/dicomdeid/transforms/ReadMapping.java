package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads an existing mapping CSV inside the pipeline, through Beam's filesystems, row by row: the
 * job graph holds only its path, never its MRNs. No file gives no rows (a first run).
 */
public final class ReadMapping extends PTransform<PBegin, PCollection<MappingRow>> {
  private final String mappingFile;

  private ReadMapping(String mappingFile) {
    this.mappingFile = mappingFile;
  }

  public static ReadMapping from(String mappingFile) {
    return new ReadMapping(mappingFile);
  }

  @Override
  public PCollection<MappingRow> expand(PBegin begin) {
    return begin
        .apply("MappingPath", Create.of(mappingFile).withCoder(StringUtf8Coder.of()))
        .apply("ReadRows", ParDo.of(new ReadMappingFn()))
        .setCoder(MappingRow.MappingRowCoder.of());
  }

  /** Emits the rows of the mapping file at a path, if there is one. */
  static final class ReadMappingFn extends DoFn<String, MappingRow> {
    @ProcessElement
    public void process(@Element String path, OutputReceiver<MappingRow> out) throws IOException {
      MatchResult match = FileSystems.match(path, EmptyMatchTreatment.ALLOW);
      if (match.status() != MatchResult.Status.OK) {
        return;
      }
      for (MatchResult.Metadata m : match.metadata()) {
        try (Reader r =
            Channels.newReader(FileSystems.open(m.resourceId()), StandardCharsets.UTF_8)) {
          MappingCsv.parse(r, out::output);
        }
      }
    }
  }
}
