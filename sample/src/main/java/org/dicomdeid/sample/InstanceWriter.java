package org.dicomdeid.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;
import org.dicomdeid.dicom.DicomElement;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.dicomdeid.sample.CohortModel.Patient;
import org.dicomdeid.sample.CohortModel.Series;
import org.dicomdeid.sample.CohortModel.Visit;

/** Builds and writes one synthetic image instance (CT Image IOD, or US for the burned-in case). */
final class InstanceWriter {
  static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
  static final String US_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.6.1";
  static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
  static final String PRIVATE_CREATOR = "ACME PHI 1.0";

  private InstanceWriter() {}

  /** The data set of one instance, without Pixel Data. */
  static SampleDataSet dataSet(
      Series s, int instanceNumber, String sopUid, String refSopUid, int rows, int columns) {
    Visit v = s.visit();
    Patient p = v.patient();
    SampleDataSet d = new SampleDataSet();
    if (!p.charsetTerms().isEmpty()) {
      d.text("SpecificCharacterSet", p.charsetTerms());
    }
    d.text("ImageType", "ORIGINAL\\PRIMARY\\AXIAL")
        .text("SOPClassUID", s.sopClassUid())
        .text("SOPInstanceUID", sopUid)
        .text("StudyDate", v.ctDate())
        .text("SeriesDate", v.ctDate())
        .text("AcquisitionDate", v.ctDate())
        .text("ContentDate", v.ctDate())
        .text("StudyTime", v.studyTime())
        .text("SeriesTime", v.studyTime())
        .text("AcquisitionTime", v.studyTime())
        .text("ContentTime", v.studyTime())
        .text("AccessionNumber", v.accession())
        .text("Modality", s.modality())
        .text("Manufacturer", "ACME Medical")
        .text("InstitutionName", v.institution())
        .text("InstitutionAddress", v.institutionAddress())
        .text("ReferringPhysicianName", v.referringPhysician())
        .text("StationName", v.station())
        .text("OperatorsName", v.operator())
        .text("PatientName", p.name())
        .text("PatientID", p.mrn())
        .text("PatientBirthDate", p.birthDate())
        .text("PatientSex", p.sex())
        .text("PatientAddress", p.address())
        .text("DeviceSerialNumber", v.deviceSerial())
        .text("StudyInstanceUID", v.studyUid())
        .text("SeriesInstanceUID", s.uid())
        .text("StudyID", v.studyId())
        .text("SeriesNumber", Integer.toString(s.number()))
        .text("InstanceNumber", Integer.toString(instanceNumber))
        .text("ImagePositionPatient", "0\\0\\" + instanceNumber * 2)
        .text("ImageOrientationPatient", "1\\0\\0\\0\\1\\0")
        .text("FrameOfReferenceUID", s.frameOfReferenceUid())
        .text("PixelSpacing", "0.7\\0.7")
        .text("BurnedInAnnotation", s.burnedIn() ? "YES" : "NO")
        .us("SamplesPerPixel", 1)
        .text("PhotometricInterpretation", "MONOCHROME2")
        .us("Rows", rows)
        .us("Columns", columns)
        .us("BitsAllocated", 16)
        .us("BitsStored", 12)
        .us("HighBit", 11)
        .us("PixelRepresentation", 0);
    if (s.modality().equals("CT")) {
      d.text("KVP", "120")
          .text("SliceThickness", "2")
          .text("RescaleIntercept", "-1024")
          .text("RescaleSlope", "1");
    }
    d.sequence(
        "ReferencedImageSequence",
        new SampleDataSet()
            .text("ReferencedSOPClassUID", s.sopClassUid())
            .text("ReferencedSOPInstanceUID", refSopUid));
    d.sequence(
        "OtherPatientIDsSequence",
        new SampleDataSet()
            .text("PatientID", p.otherId())
            .text("IssuerOfPatientID", p.otherIdIssuer())
            .text("TypeOfPatientID", "TEXT"));
    d.sequence(
        "RequestAttributesSequence",
        new SampleDataSet()
            .text("RequestedProcedureID", v.requestedProcedureId())
            .text("ScheduledProcedureStepDescription", v.procedureDescription())
            .sequence(
                "ScheduledProtocolCodeSequence",
                new SampleDataSet()
                    .text("CodeValue", "CTCHEST")
                    .text("CodingSchemeDesignator", "99ACME")
                    .text("CodeMeaning", v.protocolMeaning())));
    // PS3.5 7.8.1: a private block (0009,10xx) reserved by the creator in (0009,0010).
    d.text(0x00090010, VR.LO, PRIVATE_CREATOR)
        .text(0x00091010, VR.LO, v.privateNote())
        .text(0x00091011, VR.LT, v.privateLongText())
        .sequence(
            0x00091012,
            new SampleDataSet()
                .text(0x00090010, VR.LO, PRIVATE_CREATOR)
                .text(0x00091010, VR.LO, v.privateNested()));
    return d;
  }

  /** Deterministic 12-bit pixels, little endian: a gradient with noise from {@code seed}. */
  static byte[] pixels(int rows, int columns, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] out = new byte[rows * columns * 2];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        int v = (((x + y) * 4) + r.nextInt(24)) & 0x0fff;
        int i = 2 * (y * columns + x);
        out[i] = (byte) v;
        out[i + 1] = (byte) (v >> 8);
      }
    }
    return out;
  }

  /** Writes a Part 10 file of the data set and pixels in the series' transfer syntax. */
  static void write(
      OutputStream os, Series s, String sopUid, SampleDataSet d, byte[] littleEndianPixels)
      throws IOException {
    TransferSyntax ts = TransferSyntax.of(s.transferSyntaxUid());
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, s.sopClassUid());
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, sopUid);
    meta.put(
        new DicomElement(
            Tags.SourceApplicationEntityTitle, VR.AE, Values.ascii(s.visit().station(), VR.AE)));
    DicomWriter w = new DicomWriter(os);
    w.writeFileMeta(meta, ts);
    SpecificCharacterSet cs = s.visit().patient().charset();
    d.write(w, ts.bigEndian(), cs);
    if (ts.encapsulated()) {
      // PS3.5 A.4: an empty Basic Offset Table item, then one fragment per frame.
      byte[] frame = Rle.encodeFrame(littleEndianPixels, 2);
      w.startFragments(Tags.PixelData, VR.OB);
      w.startFragment(0);
      w.endValue();
      w.startFragment(frame.length).write(frame);
      w.endValue();
      w.endFragments();
    } else {
      w.writeElement(
          Tags.PixelData,
          VR.OW,
          ts.bigEndian() ? swapWords(littleEndianPixels) : littleEndianPixels);
    }
    w.finish();
  }

  /** OW in Big Endian: each 16-bit word byte-swapped (PS3.5 7.3). */
  static byte[] swapWords(byte[] le) {
    byte[] out = new byte[le.length];
    for (int i = 0; i + 1 < le.length; i += 2) {
      out[i] = le[i + 1];
      out[i + 1] = le[i];
    }
    return out;
  }
}
