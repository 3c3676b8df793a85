package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteReportTest {
  @TempDir Path dir;

  @Test
  void oneSortedOwnerOnlyFile(TestPipeline p) throws Exception {
    Path report = dir.resolve("report.csv");
    PAssert.thatSingleton(
            p.apply(
                    Create.of(
                            Outcome.failed("/in/b", Reason.of(Reason.Kind.DUPLICATE_INSTANCE)),
                            Outcome.written(
                                "/in/a,1", "S1/20200101/2.25.1/2.25.2/2.25.3.dcm", List.of()),
                            Outcome.skipped(
                                "/in/c", Reason.of(Reason.Kind.NOT_DICOM, "only 3 bytes")))
                        .withCoder(Outcome.OutcomeCoder.of()))
                .apply(WriteReport.to(report.toString())))
        .isEqualTo(report.toString());
    p.run().waitUntilFinish();
    assertEquals(
        "input,status,reason,output\n"
            + "\"/in/a,1\",written,,S1/20200101/2.25.1/2.25.2/2.25.3.dcm\n"
            + "/in/b,failed,duplicate SOP Instance UID,\n"
            + "/in/c,skipped,not DICOM: only 3 bytes,\n",
        Files.readString(report));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }
}
