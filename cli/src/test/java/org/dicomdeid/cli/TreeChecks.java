package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.transforms.MappingCsv;

/** Checks of a finished run's output tree shared by the safety tests. */
final class TreeChecks {
  private TreeChecks() {}

  /** Reads every event and value of a file to its end; throws what the reader throws. */
  static void parsesFully(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DicomReader r = DicomReader.open(in, Files.size(file))) {
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        if (e == DicomReader.Event.ELEMENT || e == DicomReader.Event.FRAGMENT) {
          r.skipValue();
        }
      }
    }
  }

  /** Every regular file under {@code root}. */
  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * The input was written: its report row says so, its output parses to the end and carries its
   * MRN's subject from the mapping as PatientID.
   */
  static void assertWritten(Path dir, String input, String mrn) throws IOException {
    Map<String, CSVRecord> report = Runs.report(dir.resolve("phi/report.csv"));
    CSVRecord row = report.get(input);
    assertEquals("written", row.get("status"), input + ": " + row.get("reason"));
    Path out = dir.resolve("deid").resolve(row.get("output"));
    parsesFully(out);
    String subject = MappingCsv.subjects(MappingCsv.read(dir.resolve("phi/mapping.csv"))).get(mrn);
    assertTrue(subject != null && !subject.isEmpty(), "subject of the input's MRN");
    assertEquals(subject, Runs.patientIdAndName(out)[0]);
  }
}
