package org.dicomdeid.dicom.deid;

import java.io.IOException;
import java.io.OutputStream;

/** API placeholder; the engine lands next. */
public final class Deidentifier {
  private final DeidConfig config;
  private final Keyed keyed;

  public Deidentifier(DeidConfig config) {
    this.config = config;
    this.keyed = new Keyed(config.secretKey());
  }

  public Keyed keyed() {
    return keyed;
  }

  public DeidConfig config() {
    return config;
  }

  /** The CT date as written to the output: real, or shifted by the subject's keyed offset. */
  public String outputDate(String yyyymmdd, String mrn) {
    if (!config.shiftDates()) {
      return yyyymmdd;
    }
    java.time.LocalDate d = java.time.LocalDate.parse(yyyymmdd,
        java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    return d.plusDays(keyed.dateOffsetDays(mrn))
        .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
  }

  /** PatientName := subject_CTdate (the date shifted when dates are shifted). */
  public String patientName(Subject s) {
    return s.subjectId() + "_" + outputDate(s.ctDate(), s.mrn());
  }

  /**
   * Rewrites one file: reads it from {@code source} ({@code size} bytes, -1 if unknown; opened
   * twice: a short pre-scan for the SOP UIDs, then the streaming pass) and writes the
   * de-identified Part 10 file to out. Throws DicomParseException for bad input.
   */
  public void deidentify(InputOpener source, long size, OutputStream out, Subject subject)
      throws IOException {
    throw new UnsupportedOperationException("engine not yet merged");
  }

  /** What the engine does with its options, in words (the README shows it). */
  public String describe() {
    throw new UnsupportedOperationException("engine not yet merged");
  }
}
