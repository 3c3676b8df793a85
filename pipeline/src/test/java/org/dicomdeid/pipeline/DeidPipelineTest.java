package org.dicomdeid.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;
import org.dicomdeid.transforms.MappingCsv;
import org.dicomdeid.transforms.MappingRow;
import org.dicomdeid.transforms.Outcome;
import org.dicomdeid.transforms.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through buildPipeline, asserted with PAssert on a generated cohort. */
@ExtendWith(TestPipelineExtension.class)
class DeidPipelineTest {
  @TempDir Path dir;

  @Test
  void everyInputHasItsOutcomeAndEveryMrnOneSubject(TestPipeline p) throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(11L, 4, 2, 2, 2, 16, 16, true, true));
    DeidOptions options =
        PipelineOptionsFactory.fromArgs(Runs.args(dir, cohort.root().toString()))
            .as(DeidOptions.class);
    DeidPipeline.Outputs out = DeidPipeline.buildPipeline(p, DeidSettings.from(options));

    Map<String, Status> expected = new HashMap<>();
    for (GeneratedFile f : cohort.files()) {
      expected.put(
          f.path().toString(),
          switch (f.kind()) {
            case GeneratedFile.DICOM -> Status.WRITTEN;
            case GeneratedFile.BURNED_IN -> Status.QUARANTINED;
            case GeneratedFile.NOT_DICOM -> Status.SKIPPED;
            default -> Status.FAILED;
          });
    }
    PAssert.that(out.outcomes()).satisfies(new StatusByInput(expected));
    Set<String> mrns = Set.copyOf(cohort.mrns());
    PAssert.thatSingleton(out.subjects())
        .satisfies(
            subjects -> {
              assertEquals(mrns, subjects.keySet());
              assertEquals(mrns.size(), Set.copyOf(subjects.values()).size());
              return null;
            });
    int visits = cohort.ctDatesByMrn().values().stream().mapToInt(Set::size).sum();
    long goodFiles = cohort.filesOfKind(GeneratedFile.DICOM).size();
    PAssert.thatSingleton(out.mapping()).isEqualTo(dir.resolve("phi/mapping.csv").toString());
    PAssert.thatSingleton(out.report()).isEqualTo(dir.resolve("phi/report.csv").toString());
    p.run().waitUntilFinish();
    List<MappingRow> rows = MappingCsv.read(dir.resolve("phi/mapping.csv"));
    assertEquals(visits, rows.size());
    assertEquals(goodFiles, rows.stream().mapToLong(MappingRow::files).sum());
  }

  /** Each input exactly once, with the status its kind calls for. */
  static final class StatusByInput
      implements SerializableFunction<Iterable<Outcome>, Void>, Serializable {
    private final Map<String, Status> expected;

    StatusByInput(Map<String, Status> expected) {
      this.expected = expected;
    }

    @Override
    public Void apply(Iterable<Outcome> outcomes) {
      Map<String, Status> actual = new HashMap<>();
      for (Outcome o : outcomes) {
        assertEquals(null, actual.put(o.input(), o.status()), "one outcome per input");
      }
      assertEquals(expected, actual);
      return null;
    }
  }
}
