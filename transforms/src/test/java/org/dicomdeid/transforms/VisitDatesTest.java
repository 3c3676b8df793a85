package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.dicomdeid.rules.DicomHeader;
import org.junit.jupiter.api.Test;

class VisitDatesTest {
  @Test
  void aStudyTakesItsEarliestDate() {
    VisitDates.StudyDate d =
        VisitDates.of(
                List.of(
                    record("/x/KU1_20220921/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220922"),
                    record("/x/KU1_20220921/b", "KU1", "1.1", "1.1.2", "1.1.2.1", "20220921"),
                    record("/x/KU1_20220921/c", "KU1", "1.1", "1.1.2", "1.1.2.2", "")))
            .orElseThrow();
    assertEquals(new VisitDates.StudyDate("20220921", Optional.empty(), false), d);
  }

  @Test
  void anUnusualSourceIsNotedForEveryFile() {
    HeaderRecord r =
        withSource(
            record("/x/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"), "InstanceCreationDate");
    VisitDates.StudyDate d = VisitDates.of(List.of(r)).orElseThrow();
    Reason source = Reason.of(Reason.Kind.CT_DATE_SOURCE, "InstanceCreationDate");
    assertEquals(new VisitDates.StudyDate("20220921", Optional.of(source), false), d);
    assertEquals(List.of(source), VisitDates.notesOf(r, d));
  }

  @Test
  void withoutADateTheVisitFolderOfTheSameMrnGivesIt() {
    HeaderRecord r = record("/x/KU1_20220921/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "");
    VisitDates.StudyDate d = VisitDates.of(List.of(r)).orElseThrow();
    Reason fromFolder = Reason.of(Reason.Kind.DATE_FROM_FOLDER);
    assertEquals(new VisitDates.StudyDate("20220921", Optional.of(fromFolder), true), d);
    assertEquals(List.of(fromFolder), VisitDates.notesOf(r, d));
  }

  @Test
  void withoutADateOrAFolderOfItsMrnAStudyHasNoDate() {
    assertEquals(
        Optional.empty(),
        VisitDates.of(List.of(record("/z/1", "KU4", "1.4", "1.4.1", "1.4.1.1", ""))));
    assertEquals(
        Optional.empty(),
        VisitDates.of(List.of(record("/x/KU9_20220921/a", "KU1", "1.1", "1.1.1", "1.1.1.1", ""))));
  }

  @Test
  void aFileKeepsItsNoteAndGetsTheFolderDisagreement() {
    HeaderRecord r =
        record("/w/KU9_20200101/1", "KU5", "1.5", "1.5.1", "1.5.1.1", "20200101")
            .withStudyDate("20200101", List.of(Reason.of(Reason.Kind.MRN_FROM_FOLDER)));
    VisitDates.StudyDate d = VisitDates.of(List.of(r)).orElseThrow();
    assertEquals(
        List.of(
            Reason.of(Reason.Kind.MRN_FROM_FOLDER), Reason.of(Reason.Kind.FOLDER_DISAGREES_ON_MRN)),
        VisitDates.notesOf(r, d));
    HeaderRecord both = record("/w/KU9_20200101/2", "KU5", "1.5", "1.5.1", "1.5.1.2", "20200102");
    assertEquals(
        List.of(Reason.of(Reason.Kind.FOLDER_DISAGREES)),
        VisitDates.notesOf(both, VisitDates.of(List.of(both)).orElseThrow()));
    HeaderRecord date = record("/w/KU5_20200101/3", "KU5", "1.6", "1.6.1", "1.6.1.1", "20200102");
    assertEquals(
        List.of(Reason.of(Reason.Kind.FOLDER_DISAGREES_ON_DATE)),
        VisitDates.notesOf(date, VisitDates.of(List.of(date)).orElseThrow()));
    HeaderRecord agrees = record("/w/KU5_20200102/4", "KU5", "1.7", "1.7.1", "1.7.1.1", "20200102");
    assertEquals(
        List.of(), VisitDates.notesOf(agrees, VisitDates.of(List.of(agrees)).orElseThrow()));
  }

  @Test
  void aCtDateFromBeyondTheUsualFourIsNoted() {
    assertEquals(Optional.empty(), VisitDates.sourceNote("SeriesDate"));
    assertEquals(Optional.empty(), VisitDates.sourceNote(""));
    assertEquals(
        "CT date from InstanceCreationDate",
        VisitDates.sourceNote("InstanceCreationDate").orElseThrow().text());
    assertEquals(
        "CT date from StudyDate (YYYY.MM.DD)",
        VisitDates.sourceNote("StudyDate (YYYY.MM.DD)").orElseThrow().text());
  }

  private static HeaderRecord withSource(HeaderRecord r, String source) {
    DicomHeader h = r.header();
    return new HeaderRecord(
        r.path(),
        r.size(),
        new DicomHeader(
            h.transferSyntaxUid(),
            h.sopClassUid(),
            h.studyInstanceUid(),
            h.seriesInstanceUid(),
            h.sopInstanceUid(),
            h.patientId(),
            h.ctDate(),
            source,
            h.modality(),
            h.burnedInAnnotation(),
            h.hasFileMeta()),
        r.notes());
  }
}
