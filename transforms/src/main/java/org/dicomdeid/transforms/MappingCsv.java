package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The mapping CSV format: header {@code subj,MRN,ct_date}, then {@code shifted_ct_date} when dates
 * are shifted, then {@code studies,series,files}; one row per subject and CT date, sorted.
 */
public final class MappingCsv {
  private MappingCsv() {}

  /** Reads a mapping file; fails with a message naming the line when it is not consistent. */
  public static List<MappingRow> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r);
    }
  }

  static List<MappingRow> parse(Reader reader) throws IOException {
    List<MappingRow> rows = new ArrayList<>();
    parse(reader, rows::add);
    return rows;
  }

  /** Takes one row of a mapping file. */
  public interface RowSink {
    void accept(MappingRow row) throws IOException;
  }

  /**
   * Reads a mapping file row by row, checking as {@link #read} does; holds only the MRN <-> subject
   * pairs seen (a few dozen bytes per patient), never the rows.
   */
  public static void parse(Reader reader, RowSink rows) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    Map<String, String> subjectOfMrn = new HashMap<>();
    Map<String, String> mrnOfSubject = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      if (header.size() < 3 || !header.subList(0, 3).equals(List.of("subj", "MRN", "ct_date"))) {
        throw new IOException("mapping CSV must start with the header subj,MRN,ct_date");
      }
      boolean shifted = header.contains("shifted_ct_date");
      for (CSVRecord rec : parser) {
        long line = rec.getRecordNumber() + 1;
        String subj = rec.get("subj").trim();
        String mrn = rec.get("MRN").trim();
        String date = rec.get("ct_date").trim();
        if (subj.isEmpty() || mrn.isEmpty()) {
          throw new IOException("mapping CSV line " + line + ": subj and MRN must not be empty");
        }
        String known = subjectOfMrn.putIfAbsent(mrn, subj);
        String knownMrn = mrnOfSubject.putIfAbsent(subj, mrn);
        if ((known != null && !known.equals(subj)) || (knownMrn != null && !knownMrn.equals(mrn))) {
          throw new IOException(
              "mapping CSV line "
                  + line
                  + ": an MRN has two subjects or a subject two MRNs; fix the file by hand");
        }
        rows.accept(
            new MappingRow(
                subj,
                mrn,
                date,
                shifted ? rec.get("shifted_ct_date") : "",
                count(rec, "studies"),
                count(rec, "series"),
                count(rec, "files")));
      }
    }
  }

  private static long count(CSVRecord rec, String column) throws IOException {
    if (!rec.isMapped(column) || rec.get(column).isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(rec.get(column).trim());
    } catch (NumberFormatException e) {
      throw new IOException(
          "mapping CSV line "
              + (rec.getRecordNumber() + 1)
              + ": column "
              + column
              + " is not a number");
    }
  }

  /** MRN -> subject of a mapping. */
  public static Map<String, String> subjects(List<MappingRow> rows) {
    Map<String, String> m = new TreeMap<>();
    for (MappingRow r : rows) {
      m.put(r.mrn(), r.subject());
    }
    return m;
  }

  /** The file's text: header and rows sorted by {@link MappingRow#ORDER}. */
  public static String format(List<MappingRow> rows, boolean shifted) throws IOException {
    List<MappingRow> sorted = new ArrayList<>(rows);
    sorted.sort(MappingRow.ORDER);
    StringWriter w = new StringWriter();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setRecordSeparator('\n')
            .setHeader(header(shifted).toArray(String[]::new))
            .get();
    try (CSVPrinter p = new CSVPrinter(w, format)) {
      for (MappingRow r : sorted) {
        p.printRecord(cells(r, shifted));
      }
    }
    return w.toString();
  }

  /** The header's names: {@code shifted_ct_date} only when dates are shifted. */
  static List<String> header(boolean shifted) {
    List<String> header = new ArrayList<>(List.of("subj", "MRN", "ct_date"));
    if (shifted) {
      header.add("shifted_ct_date");
    }
    header.addAll(List.of("studies", "series", "files"));
    return header;
  }

  /** One row's cells, in the header's order. */
  static List<Object> cells(MappingRow r, boolean shifted) {
    List<Object> cells = new ArrayList<>(List.of(r.subject(), r.mrn(), r.ctDate()));
    if (shifted) {
      cells.add(r.shiftedCtDate());
    }
    cells.addAll(List.of(r.studies(), r.series(), r.files()));
    return cells;
  }
}
