package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.dicomdeid.dicom.DicomHeader;
import org.junit.jupiter.api.Test;

class VisitDatesTest {
  @Test
  void aStudyTakesItsEarliestDate() {
    VisitDates.StudyDate d = VisitDates.of(List.of(
        record("/x/KU1_20220921/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220922"),
        record("/x/KU1_20220921/b", "KU1", "1.1", "1.1.2", "1.1.2.1", "20220921"),
        record("/x/KU1_20220921/c", "KU1", "1.1", "1.1.2", "1.1.2.2", ""))).orElseThrow();
    assertEquals(new VisitDates.StudyDate("20220921", "", false), d);
  }

  @Test
  void anUnusualSourceIsNotedForEveryFile() {
    HeaderRecord r = withSource(record("/x/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"),
        "InstanceCreationDate");
    VisitDates.StudyDate d = VisitDates.of(List.of(r)).orElseThrow();
    assertEquals(new VisitDates.StudyDate("20220921", "CT date from InstanceCreationDate", false),
        d);
    assertEquals("CT date from InstanceCreationDate", VisitDates.noteOf(r, d));
  }

  @Test
  void withoutADateTheVisitFolderOfTheSameMrnGivesIt() {
    HeaderRecord r = record("/x/KU1_20220921/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "");
    VisitDates.StudyDate d = VisitDates.of(List.of(r)).orElseThrow();
    assertEquals(new VisitDates.StudyDate("20220921", VisitDates.FOLDER_DATE, true), d);
    assertEquals("no CT date in the study; date taken from the folder name",
        VisitDates.noteOf(r, d));
  }

  @Test
  void withoutADateOrAFolderOfItsMrnAStudyHasNoDate() {
    assertEquals(Optional.empty(), VisitDates.of(List.of(
        record("/z/1", "KU4", "1.4", "1.4.1", "1.4.1.1", ""))));
    assertEquals(Optional.empty(), VisitDates.of(List.of(
        record("/x/KU9_20220921/a", "KU1", "1.1", "1.1.1", "1.1.1.1", ""))));
  }

  @Test
  void aFileKeepsItsNoteAndGetsTheFolderDisagreement() {
    HeaderRecord r = record("/w/KU9_20200101/1", "KU5", "1.5", "1.5.1", "1.5.1.1", "20200101")
        .withStudyDate("20200101", "earlier note");
    VisitDates.StudyDate d = VisitDates.of(List.of(r)).orElseThrow();
    assertEquals("earlier note; folder name disagrees with PatientID; DICOM value used",
        VisitDates.noteOf(r, d));
    HeaderRecord both = record("/w/KU9_20200101/2", "KU5", "1.5", "1.5.1", "1.5.1.2", "20200102");
    assertEquals("folder name disagrees with PatientID and with the study's CT date; DICOM values"
        + " used", VisitDates.noteOf(both, VisitDates.of(List.of(both)).orElseThrow()));
  }

  @Test
  void aCtDateFromBeyondTheUsualFourIsNoted() {
    assertEquals("", VisitDates.sourceNote("SeriesDate"));
    assertEquals("", VisitDates.sourceNote(""));
    assertEquals("CT date from InstanceCreationDate",
        VisitDates.sourceNote("InstanceCreationDate"));
    assertEquals("CT date from StudyDate (YYYY.MM.DD)",
        VisitDates.sourceNote("StudyDate (YYYY.MM.DD)"));
  }

  private static HeaderRecord withSource(HeaderRecord r, String source) {
    DicomHeader h = r.header();
    return new HeaderRecord(r.path(), r.size(), new DicomHeader(h.transferSyntaxUid(),
        h.sopClassUid(), h.studyInstanceUid(), h.seriesInstanceUid(), h.sopInstanceUid(),
        h.patientId(), h.ctDate(), source, h.modality(), h.burnedInAnnotation(),
        h.hasFileMeta()), r.note());
  }
}
