package org.dicomdeid.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.Values;

/** Helpers for the tests of pipeline, cli and web: arguments, the report, the output tree. */
public final class Runs {
  private Runs() {}

  /** The usual arguments for a run whose files all live under {@code dir}. */
  public static String[] args(Path dir, String input, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--input=" + input,
                "--output=" + dir.resolve("deid"),
                "--mappingCsv=" + dir.resolve("phi/mapping.csv"),
                "--reportCsv=" + dir.resolve("phi/report.csv"),
                "--secretKeyFile=" + dir.resolve("phi/secret.key"),
                "--progress=false"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  /** The report's rows by input path. */
  public static Map<String, CSVRecord> report(Path file) throws IOException {
    Map<String, CSVRecord> rows = new TreeMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(file);
        CSVParser p = CSVParser.parse(r, format)) {
      for (CSVRecord rec : p) {
        rows.put(rec.get("input"), rec);
      }
    }
    return rows;
  }

  /** Relative path -> SHA-256 of every file under {@code root}. */
  public static Map<String, String> tree(Path root) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        files.put(
            root.relativize(p).toString(),
            HexFormat.of().formatHex(d.digest(Files.readAllBytes(p))));
      }
    }
    return files;
  }

  /** PatientID and PatientName of a file, read back with the codec. */
  public static String[] patientIdAndName(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return patientIdAndName(in, Files.size(file));
    }
  }

  /** PatientID and PatientName (null where absent) of a file, read back with the codec. */
  public static String[] patientIdAndName(InputStream in, long size) throws IOException {
    String[] v = {null, null};
    try (DicomReader r = DicomReader.open(in, size)) {
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        if (e == DicomReader.Event.ELEMENT && r.depth() == 0) {
          if (r.tag() == Tags.PatientID) {
            v[0] = Values.string(r.readValue()).trim();
          } else if (r.tag() == Tags.PatientName) {
            v[1] = Values.string(r.readValue()).trim();
          } else if (r.tag() > Tags.PatientID) {
            break;
          }
        }
      }
    }
    return v;
  }
}
