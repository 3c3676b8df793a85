package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The external sort behind the report and the mapping, driven through every merge level. */
@ExtendWith(TestPipelineExtension.class)
class WriteSortedCsvTest {
  @TempDir Path dir;

  @Test
  void manySmallRunsMergeIntoTheSortedFile(TestPipeline p) throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      outcomes.add(
          i % 7 == 0
              ? Outcome.failed("/in/" + i, Reason.of(Reason.Kind.DEID_FAILED, "reason " + i))
              : Outcome.written("/in/" + i, "S1/" + i + ".dcm", List.of()));
    }
    List<Outcome> shuffled = new ArrayList<>(outcomes);
    Collections.shuffle(shuffled, new Random(7));
    Path file = dir.resolve("out.csv");
    // runs of at most 3 rows, merged 2 at a time: at least 167 runs, eight merge levels
    PAssert.thatSingleton(
            p.apply(Create.of(shuffled).withCoder(Outcome.OutcomeCoder.of()))
                .apply(
                    WriteSortedCsv.to(file.toString(), new WriteReport.ReportRows())
                        .withLimits(3, 2)))
        .isEqualTo(file.toString());
    p.run().waitUntilFinish();

    outcomes.sort(WriteReport.ORDER);
    StringBuilder expected = new StringBuilder("input,status,reason,output\n");
    for (Outcome o : outcomes) {
      expected
          .append(o.input())
          .append(',')
          .append(o.status().label())
          .append(',')
          .append(o.reasonText())
          .append(',')
          .append(o.output())
          .append('\n');
    }
    assertEquals(expected.toString(), Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "runs and temporary files are deleted");
    }
  }

  @Test
  void noRowsGiveTheHeaderOnly(TestPipeline p) throws Exception {
    Path file = dir.resolve("sub/empty.csv");
    p.apply(Create.empty(Outcome.OutcomeCoder.of()))
        .apply(WriteSortedCsv.to(file.toString(), new WriteReport.ReportRows()));
    p.run().waitUntilFinish();
    assertEquals("input,status,reason,output\n", Files.readString(file));
  }
}
