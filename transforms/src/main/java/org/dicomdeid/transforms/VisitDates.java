package org.dicomdeid.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dates a visit: every file of a study gets the study's earliest CT date, so all files of a visit
 * share one PatientName. With no CT date in any file, the study's {@code <MRN>_<YYYYMMDD>} visit
 * folder gives it, if that folder names the study's MRN. A file whose visit folder disagrees with
 * the DICOM values gets a note (DICOM wins).
 */
final class VisitDates {
  /** The attributes a CT date usually comes from: no note for these. */
  private static final Set<String> USUAL =
      Set.of("AcquisitionDate", "ContentDate", "SeriesDate", "StudyDate");

  /**
   * The date of one study.
   *
   * @param ctDate YYYYMMDD
   * @param note what every file of the study notes about its date, if anything
   * @param fromFolder whether the date came from the visit folder's name
   */
  record StudyDate(String ctDate, Optional<Reason> note, boolean fromFolder) {}

  private VisitDates() {}

  /**
   * The date of a study whose files agree on MRN ({@link StudyCheck}), given sorted by path; empty
   * when neither DICOM nor the visit folder gives one.
   */
  static Optional<StudyDate> of(List<HeaderRecord> study) {
    String earliest = "";
    String source = "";
    for (HeaderRecord r : study) {
      String d = r.ctDate();
      if (!d.isEmpty() && (earliest.isEmpty() || d.compareTo(earliest) < 0)) {
        earliest = d;
        source = r.header().ctDateSource();
      }
    }
    if (!earliest.isEmpty()) {
      return Optional.of(new StudyDate(earliest, sourceNote(source), false));
    }
    // No date in DICOM: the visit folder's <MRN>_<YYYYMMDD> is the export's word for it.
    String mrn = study.get(0).mrn();
    return FolderNames.visit(study.get(0).path())
        .filter(v -> v.mrn().equals(mrn))
        .map(
            v ->
                new StudyDate(
                    v.ctDate(), Optional.of(Reason.of(Reason.Kind.DATE_FROM_FOLDER)), true));
  }

  /**
   * The report's notes of one file of the dated study: its own, then the study's, then (for a date
   * from DICOM) whether its visit folder disagrees.
   */
  static List<Reason> notesOf(HeaderRecord r, StudyDate date) {
    List<Reason> notes = new ArrayList<>(r.notes());
    date.note().ifPresent(notes::add);
    if (!date.fromFolder()) {
      FolderNames.disagreement(r.path(), r.mrn(), date.ctDate()).ifPresent(notes::add);
    }
    return notes;
  }

  /**
   * The note when the study's CT date came from an attribute after the usual four (AcquisitionDate,
   * ContentDate, SeriesDate, StudyDate) or was written YYYY.MM.DD.
   */
  static Optional<Reason> sourceNote(String source) {
    return USUAL.contains(source) || source.isEmpty()
        ? Optional.empty()
        : Optional.of(Reason.of(Reason.Kind.CT_DATE_SOURCE, source));
  }
}
