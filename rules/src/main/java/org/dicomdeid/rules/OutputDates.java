package org.dicomdeid.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The dates a subject's output carries: real (PS3.15 113106, Retain Longitudinal Temporal
 * Information Full Dates), or every date shifted by the subject's keyed offset (113107); and
 * PatientName, which carries the CT date: subject_CTdate, shifted with the rest.
 */
final class OutputDates {
  private final boolean shift;
  private final Keyed keyed;

  OutputDates(boolean shift, Keyed keyed) {
    this.shift = shift;
    this.keyed = keyed;
  }

  /** Days added to every date of the subject's files: 0 unless dates are shifted. */
  int offsetDays(String mrn) {
    return shift ? keyed.dateOffsetDays(mrn) : 0;
  }

  /** The CT date as written to the output: real, or shifted by the subject's keyed offset. */
  String outputDate(String yyyymmdd, String mrn) {
    if (!shift) {
      return yyyymmdd;
    }
    return LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE)
        .plusDays(keyed.dateOffsetDays(mrn))
        .format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  /** PatientName := subject_CTdate (the date shifted when dates are shifted). */
  String patientName(Subject s) {
    return s.subjectId() + "_" + outputDate(s.ctDate(), s.mrn());
  }
}
