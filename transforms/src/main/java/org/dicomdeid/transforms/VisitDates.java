package org.dicomdeid.transforms;

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
  static final String FOLDER_DATE = "no CT date in the study; date taken from the folder name";
  static final String NO_CT_DATE = "no CT date in the study (AcquisitionDate, ContentDate, "
      + "SeriesDate, StudyDate, AcquisitionDateTime, FrameAcquisitionDateTime, "
      + "FrameReferenceDateTime, InstanceCreationDate all empty)";
  /** The attributes a CT date usually comes from: no note for these. */
  private static final Set<String> USUAL =
      Set.of("AcquisitionDate", "ContentDate", "SeriesDate", "StudyDate");

  /**
   * The date of one study.
   *
   * @param ctDate YYYYMMDD
   * @param note what every file of the study notes about its date ("" for nothing)
   * @param fromFolder whether the date came from the visit folder's name
   */
  record StudyDate(String ctDate, String note, boolean fromFolder) {}

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
    HeaderRecord first = study.get(0);
    String[] visit = FolderNames.visit(first.path());
    if (visit == null || !visit[0].equals(first.mrn())) {
      return Optional.empty();
    }
    return Optional.of(new StudyDate(visit[1], FOLDER_DATE, true));
  }

  /**
   * The report's note of one file of the dated study: its own note, then the study's, then (for a
   * date from DICOM) whether its visit folder disagrees.
   */
  static String noteOf(HeaderRecord r, StudyDate date) {
    String studyNote = date.fromFolder() ? date.note()
        : join(date.note(), FolderNames.disagreement(r.path(), r.mrn(), date.ctDate()));
    return join(r.note(), studyNote);
  }

  /**
   * The note when the study's CT date came from an attribute after the usual four
   * (AcquisitionDate, ContentDate, SeriesDate, StudyDate) or was written YYYY.MM.DD; else "".
   */
  static String sourceNote(String source) {
    return USUAL.contains(source) || source.isEmpty() ? "" : "CT date from " + source;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }
}
