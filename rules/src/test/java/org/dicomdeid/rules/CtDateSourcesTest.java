package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.dicomdeid.dicom.Codec;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.junit.jupiter.api.Test;

/**
 * The CT date is taken wherever the file keeps it, in the order of {@link CtDate#SOURCES} (README,
 * "How a run decides"), and the header says which attribute gave it.
 */
class CtDateSourcesTest {

  private static DicomHeader header(Codec.Body body) throws IOException {
    return header(TransferSyntax.EXPLICIT_LE, body);
  }

  private static DicomHeader header(TransferSyntax ts, Codec.Body body) throws IOException {
    byte[] file =
        Codec.part10(
            ts,
            w -> {
              w.writeElement(Tags.SOPInstanceUID, VR.UI, Values.ascii("1.2.3", VR.UI));
              body.write(w);
              w.writeElement(Tags.PixelData, VR.OW, new byte[16]);
            });
    return HeaderFacts.read(new ByteArrayInputStream(file), file.length);
  }

  private static void frameContent(DicomWriter w, int groups, String... dateTimes)
      throws IOException {
    w.startSequence(groups);
    for (String dt : dateTimes) {
      w.startItem();
      w.startSequence(Tags.FrameContentSequence);
      w.startItem();
      w.writeElement(Tags.FrameAcquisitionDateTime, VR.DT, Values.ascii(dt, VR.DT));
      w.endItem();
      w.endSequence();
      w.endItem();
    }
    w.endSequence();
  }

  @Test
  void aStudyDateAloneIsTheCtDateInEveryEncoding() throws IOException {
    for (TransferSyntax ts :
        new TransferSyntax[] {
          TransferSyntax.EXPLICIT_LE, TransferSyntax.IMPLICIT_LE, TransferSyntax.EXPLICIT_BE
        }) {
      DicomHeader h =
          header(
              ts,
              w -> {
                w.writeElement(Tags.StudyDate, VR.DA, Values.ascii("20220921", VR.DA));
                w.writeElement(Tags.PatientID, VR.LO, Values.ascii("KU39009", VR.LO));
              });
      assertEquals(
          "KU39009 20220921 StudyDate",
          h.patientId() + " " + h.ctDate() + " " + h.ctDateSource(),
          ts.uid());
    }
  }

  @Test
  void theUsualFourComeFirstThenAcquisitionDateTime() throws IOException {
    DicomHeader h =
        header(
            w -> {
              w.writeElement(Tags.SeriesDate, VR.DA, Values.ascii("20220102", VR.DA));
              w.writeElement(
                  Tags.AcquisitionDateTime, VR.DT, Values.ascii("20220101093000", VR.DT));
            });
    assertEquals("20220102 SeriesDate", h.ctDate() + " " + h.ctDateSource());
    h =
        header(
            w ->
                w.writeElement(
                    Tags.AcquisitionDateTime, VR.DT, Values.ascii("20220101093000", VR.DT)));
    assertEquals("20220101 AcquisitionDateTime", h.ctDate() + " " + h.ctDateSource());
  }

  @Test
  void enhancedMultiFrameDatesComeFromTheFunctionalGroupsEarliestFrame() throws IOException {
    DicomHeader h =
        header(
            w -> {
              w.writeElement(Tags.InstanceCreationDate, VR.DA, Values.ascii("20230505", VR.DA));
              frameContent(
                  w,
                  Tags.PerFrameFunctionalGroupsSequence,
                  "20210303101010",
                  "20210302235959.5",
                  "20210304");
            });
    assertEquals("20210302 FrameAcquisitionDateTime", h.ctDate() + " " + h.ctDateSource());
    h = header(w -> frameContent(w, Tags.SharedFunctionalGroupsSequence, "20200101"));
    assertEquals("20200101 FrameAcquisitionDateTime", h.ctDate() + " " + h.ctDateSource());
  }

  @Test
  void aFrameDateTimeOutsideTheFunctionalGroupsIsNotTaken() throws IOException {
    DicomHeader h = header(w -> frameContent(w, 0x00400275, "20200101"));
    assertEquals(" ", h.ctDate() + " " + h.ctDateSource());
  }

  @Test
  void instanceCreationDateIsTheLastResortAndLegacyDatesAreRead() throws IOException {
    DicomHeader h =
        header(
            w -> w.writeElement(Tags.InstanceCreationDate, VR.DA, Values.ascii("20230505", VR.DA)));
    assertEquals("20230505 InstanceCreationDate", h.ctDate() + " " + h.ctDateSource());
    h = header(w -> w.writeElement(Tags.StudyDate, VR.DA, Values.ascii("1993.11.24", VR.DA)));
    assertEquals("19931124 StudyDate (YYYY.MM.DD)", h.ctDate() + " " + h.ctDateSource());
  }
}
