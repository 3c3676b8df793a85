package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/**
 * The report's words, kind by kind, exactly as the report wrote them when the reasons were prose: a
 * report column that changed would break a user's comparison of two runs.
 */
class ReasonTest {
  private static final Map<Reason, String> WORDS =
      Map.ofEntries(
          entry(Reason.Kind.FOLDER, "", "a folder, not a file"),
          entry(Reason.Kind.NOT_REGULAR_FILE, "", "not a regular file (FIFO, socket or device)"),
          entry(
              Reason.Kind.SAME_FILE,
              "/in/a.dcm",
              "the same file as /in/a.dcm (a link or a second name); read once, under that path"),
          entry(
              Reason.Kind.LINK_LOOP,
              "",
              "symbolic link loop: leads back to a folder that contains"
                  + " it; not followed (its files are read under their other path)"),
          entry(Reason.Kind.DICOMDIR, "", "DICOMDIR (media directory), not an image"),
          entry(
              Reason.Kind.NAME_NOT_OPENABLE,
              "US-ASCII",
              "cannot be opened by name: its bytes are not valid in this JVM's file-name encoding"
                  + " (US-ASCII); run through run-configs/direct.sh, which starts Java under a"
                  + " locale that maps every byte"),
          entry(
              Reason.Kind.CANNOT_LIST,
              "permission denied",
              "cannot list or open: permission denied"),
          entry(Reason.Kind.VANISHED, "", "file vanished before it could be read"),
          entry(Reason.Kind.PERMISSION_DENIED, "", "permission denied"),
          entry(Reason.Kind.CANNOT_READ, "IOException", "cannot read the file: IOException"),
          entry(
              Reason.Kind.CANNOT_READ_HEADER,
              "IllegalStateException",
              "cannot read the header: IllegalStateException"),
          entry(
              Reason.Kind.UNREADABLE_DICOM,
              "at byte offset 0: x",
              "unreadable DICOM: at byte" + " offset 0: x"),
          entry(
              Reason.Kind.MISSING_PATIENT_ID,
              "",
              "missing PatientID, and no <MRN>_<YYYYMMDD> visit folder above the file to take the"
                  + " MRN from: without an MRN it cannot be given a subject"),
          entry(Reason.Kind.MISSING_IDENTIFIER, "SOPInstanceUID", "missing SOPInstanceUID"),
          entry(
              Reason.Kind.BURNED_IN,
              "may carry burned-in text: modality US",
              "may carry burned-in text: modality US"),
          entry(Reason.Kind.DUPLICATE_INSTANCE, "", "duplicate SOP Instance UID"),
          entry(
              Reason.Kind.SERIES_MRN_CONFLICT,
              "",
              "series disagrees on PatientID (MRN) across its files"),
          entry(
              Reason.Kind.SERIES_STUDY_CONFLICT,
              "",
              "series disagrees on StudyInstanceUID across its files"),
          entry(Reason.Kind.STUDY_MRN_CONFLICT, "", "study's series disagree on PatientID (MRN)"),
          entry(
              Reason.Kind.NO_CT_DATE,
              "",
              "no CT date in the study (AcquisitionDate, ContentDate, "
                  + "SeriesDate, StudyDate, AcquisitionDateTime, FrameAcquisitionDateTime, "
                  + "FrameReferenceDateTime, InstanceCreationDate all empty)"),
          entry(Reason.Kind.NO_SUBJECT, "", "no subject assigned to the file's MRN"),
          entry(
              Reason.Kind.OUTPUT_EXISTS,
              "",
              "the output file exists with different content (rerun"
                  + " with --overwrite to replace it)"),
          entry(
              Reason.Kind.DEID_FAILED,
              "IOException: x",
              "de-identification failed: IOException: x"),
          entry(
              Reason.Kind.MRN_FROM_FOLDER,
              "",
              "no PatientID in the file; MRN taken from the folder name"),
          entry(
              Reason.Kind.DATE_FROM_FOLDER,
              "",
              "no CT date in the study; date taken from the folder name"),
          entry(
              Reason.Kind.CT_DATE_SOURCE,
              "InstanceCreationDate",
              "CT date from InstanceCreationDate"),
          entry(
              Reason.Kind.FOLDER_DISAGREES,
              "",
              "folder name disagrees with PatientID and with the"
                  + " study's CT date; DICOM values used"),
          entry(
              Reason.Kind.FOLDER_DISAGREES_ON_MRN,
              "",
              "folder name disagrees with PatientID; DICOM value used"),
          entry(
              Reason.Kind.FOLDER_DISAGREES_ON_DATE,
              "",
              "folder name disagrees with the study's CT date; DICOM value used"),
          entry(Reason.Kind.READ_THROUGH, "a; b", "read through: a; b"),
          entry(Reason.Kind.NOT_DICOM, "only 3 bytes", "not DICOM: only 3 bytes"));

  private static Map.Entry<Reason, String> entry(Reason.Kind kind, String detail, String words) {
    return Map.entry(Reason.of(kind, detail), words);
  }

  @Test
  void everyKindSaysWhatTheReportSaid() {
    Set<Reason.Kind> seen = EnumSet.noneOf(Reason.Kind.class);
    WORDS.forEach(
        (reason, words) -> {
          assertEquals(words, reason.text(), reason.kind().name());
          seen.add(reason.kind());
        });
    assertEquals(EnumSet.allOf(Reason.Kind.class), seen, "every kind is pinned");
  }

  @Test
  void notesAreJoinedInOrder() {
    assertEquals("", Reason.text(List.of()));
    assertEquals(
        "no PatientID in the file; MRN taken from the folder name; read through: a; b",
        Reason.text(
            List.of(
                Reason.of(Reason.Kind.MRN_FROM_FOLDER),
                Reason.of(Reason.Kind.READ_THROUGH, "a; b"))));
  }

  @Test
  void aKindWithoutDetailTakesNone() {
    assertThrows(
        IllegalArgumentException.class, () -> Reason.of(Reason.Kind.VANISHED, "/in/KU1/a.dcm"));
  }

  @Test
  void theDetailIsNotInToString() {
    assertFalse(Reason.of(Reason.Kind.SAME_FILE, "/in/KU1/a.dcm").toString().contains("KU1"));
  }

  @Test
  void outcomesAndRecordsKeepTheirReasonsThroughTheirCoders() throws Exception {
    Outcome o =
        Outcome.written(
            "/in/a",
            "S1/a.dcm",
            List.of(
                Reason.of(Reason.Kind.MRN_FROM_FOLDER), Reason.of(Reason.Kind.READ_THROUGH, "x")));
    assertEquals(o, CoderUtils.clone(Outcome.OutcomeCoder.of(), o));
    Outcome f = Outcome.failed("/in/b", Reason.of(Reason.Kind.NO_CT_DATE));
    assertEquals(f, CoderUtils.clone(Outcome.OutcomeCoder.of(), f));
    HeaderRecord r =
        record("/in/c", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921")
            .withStudyDate(
                "20220921", List.of(Reason.of(Reason.Kind.CT_DATE_SOURCE, "ContentDate")));
    assertEquals(r, CoderUtils.clone(HeaderRecord.HeaderRecordCoder.of(), r));
    HeaderRecord plain = record("/in/d", "KU1", "1.1", "1.1.1", "1.1.1.2", "20220921");
    assertEquals(plain, CoderUtils.clone(HeaderRecord.HeaderRecordCoder.of(), plain));
  }
}
