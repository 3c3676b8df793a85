package org.dicomdeid.rules;

import static org.dicomdeid.rules.DeidOutput.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;
import org.junit.jupiter.api.Test;

/**
 * One test per PS3.15 E.1.1 action code and per engine rule for attributes the table does not list.
 * The table row of each attribute used is quoted above the test (tag,name,basic,...).
 */
class ActionCodeTest {
  private static final Set<ProfileOption> DEFAULT = DeidConfig.defaultOptions();
  private static final Keyed KEYED = new Keyed(DeidOutput.KEY);

  private static DeidOutput run(TestDataset ds) throws IOException {
    return DeidOutput.run(ds.file(), DEFAULT);
  }

  // 00101002,Other Patient IDs Sequence,X ; 00101040,Patient's Address,X ;
  // 00081048,Physician(s) of Record,X ; 00100021,Issuer of Patient ID,X
  @Test
  void xRemovesTheAttributeAndItsItems() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .seq("OtherPatientIDsSequence", new TestDataset().put("PatientID", "OTHER-MRN-1"))
                .put("PatientAddress", "1 Main Street")
                .put("PhysiciansOfRecord", "WHO^EVER")
                .put("IssuerOfPatientID", "HOSPITAL-A"));
    for (String k :
        new String[] {
          "OtherPatientIDsSequence", "PatientAddress", "PhysiciansOfRecord", "IssuerOfPatientID"
        }) {
      assertFalse(out.has(path(k)), k);
    }
    assertFalse(
        out.elements.keySet().stream()
            .anyMatch(p -> p.startsWith(path("OtherPatientIDsSequence"))));
  }

  // 00080090,Referring Physician's Name,Z ; 00100030,Patient's Birth Date,Z (no option column) ;
  // 00080050,Accession Number,Z
  @Test
  void zKeepsTheAttributeWithAnEmptyValue() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .put("ReferringPhysicianName", "REF^DOCTOR")
                .put("PatientBirthDate", "19610203")
                .put("AccessionNumber", "ACC12345"));
    out.assertEmpty(path("ReferringPhysicianName"));
    assertEquals(VR.PN, out.get(path("ReferringPhysicianName")).vr());
    out.assertEmpty(path("PatientBirthDate"));
    assertEquals(VR.DA, out.get(path("PatientBirthDate")).vr());
    out.assertEmpty(path("AccessionNumber"));
  }

  // 00400551,Specimen Identifier,D ; 0040A073,Verifying Observer Sequence,D (SQ: removed, no
  // original item survives) ; 0040A075,Verifying Observer Name,D (its own row, at any depth)
  @Test
  void dReplacesWithADummyOfTheVr() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .put("SpecimenIdentifier", "SPEC-42")
                .seq(
                    "VerifyingObserverSequence",
                    new TestDataset()
                        .put("VerifyingObserverName", "VERI^FIER")
                        .seq(
                            "PersonIdentificationCodeSequence",
                            new TestDataset()
                                .put("CodeValue", "EMP-0042")
                                .put("CodingSchemeDesignator", "L"))));
    out.assertValue(path("SpecimenIdentifier"), VR.LO, "DEIDENTIFIED");
    assertFalse(out.has(path("VerifyingObserverSequence")));
    assertEquals(-1, PhiLeakTest.indexOf(out.bytes, "VERI^FIER".getBytes()));
    DeidOutput inside =
        run(
            TestDataset.ct()
                .seq(
                    "ReferencedSeriesSequence",
                    new TestDataset().put("VerifyingObserverName", "VERI^FIER")));
    out.assertValue(path("SpecimenIdentifier"), VR.LO, "DEIDENTIFIED");
    inside.assertValue(
        path("ReferencedSeriesSequence") + "[0]/" + path("VerifyingObserverName"),
        VR.PN,
        "DEIDENTIFIED");
  }

  // Nothing in the basic column is K; K comes from the options and from unlisted attributes.
  // 00080020,Study Date,Z,...,retain_long_full_dates K (the default options)
  @Test
  void kKeepsTheValue() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .put("StudyDate", "20220921")
                .put(TestDataset.tag("Rows"), VR.US, new byte[] {0, 2}));
    out.assertValue(path("StudyDate"), VR.DA, "20220921");
    out.assertValue(path("Modality"), VR.CS, "CT");
    assertEquals(2, out.get(path("Rows")).value()[1]);
  }

  // 00080018 SOP Instance UID,U ; 0020000D,U ; 0020000E,U ; 00200052 Frame of Reference UID,U ;
  // 00081140,Referenced Image Sequence,X/Z/U* ; 00081155,Referenced SOP Instance UID,U
  @Test
  void uReplacesUidsWithKeyedUidsEverywhere() throws IOException {
    String ref = "1.2.826.0.1.3680043.8.498.999";
    String frame = "1.2.826.0.1.3680043.8.498.3";
    DeidOutput out =
        run(
            TestDataset.ct()
                .put("FrameOfReferenceUID", frame)
                .seq(
                    "ReferencedImageSequence",
                    new TestDataset()
                        .put("ReferencedSOPClassUID", TestDataset.CT_IMAGE)
                        .put("ReferencedSOPInstanceUID", ref)));
    String sop = KEYED.uid(TestDataset.SOP_INSTANCE);
    out.assertValue(path("SOPInstanceUID"), VR.UI, sop);
    out.assertValue(path("StudyInstanceUID"), VR.UI, KEYED.uid(TestDataset.STUDY));
    out.assertValue(path("SeriesInstanceUID"), VR.UI, KEYED.uid(TestDataset.SERIES));
    out.assertValue(path("FrameOfReferenceUID"), VR.UI, KEYED.uid(frame));
    String item = path("ReferencedImageSequence") + "[0]/";
    out.assertValue(item + path("ReferencedSOPInstanceUID"), VR.UI, KEYED.uid(ref));
    out.assertValue(item + path("ReferencedSOPClassUID"), VR.UI, TestDataset.CT_IMAGE);
    assertEquals(sop, out.meta.mediaStorageSopInstanceUid());
    assertEquals(TestDataset.CT_IMAGE, out.meta.mediaStorageSopClassUid());
    assertTrue(sop.startsWith("2.25.") && sop.length() <= 64, sop);
  }

  // 00081110,Referenced Study Sequence,X/Z -> Z; a reference sequence keeps its items with
  // replaced UIDs (a valid non-zero value, as X/Z/U*) ; 00400555,Acquisition Context Sequence,
  // X/Z -> Z: present, empty ; 300A00B2,Treatment Machine Name,X/Z -> Z: present, empty value
  @Test
  void combinedXzResolvesToZ() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .seq(
                    "ReferencedStudySequence",
                    new TestDataset()
                        .put("ReferencedSOPClassUID", "1.2.840.10008.3.1.2.3.1")
                        .put("ReferencedSOPInstanceUID", TestDataset.STUDY))
                .put("TreatmentMachineName", "LINAC-ROOM-3")
                .seq("AcquisitionContextSequence", new TestDataset().put("CodeMeaning", "X")));
    assertEquals(VR.SQ, out.get(path("ReferencedStudySequence")).vr());
    out.assertValue(
        path("ReferencedStudySequence") + "[0]/" + path("ReferencedSOPInstanceUID"),
        VR.UI,
        KEYED.uid(TestDataset.STUDY));
    assertEquals(0, out.get(path("AcquisitionContextSequence")).items());
    out.assertEmpty(path("TreatmentMachineName"));
  }

  // 00180010,Contrast/Bolus Agent,Z/D -> D ; 00081010,Station Name,X/Z/D -> D ;
  // 00181030,Protocol Name,X/D -> D
  @Test
  void combinedCodesWithDResolveToD() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .put("ContrastBolusAgent", "IOPAMIDOL")
                .put("StationName", "CTSTATION7")
                .put("ProtocolName", "Head for Dr Smith"));
    out.assertValue(path("ContrastBolusAgent"), VR.LO, "DEIDENTIFIED");
    out.assertValue(path("StationName"), VR.SH, "DEIDENTIFIED");
    out.assertValue(path("ProtocolName"), VR.LO, "DEIDENTIFIED");
  }

  // odd-group,Private Attributes,X
  @Test
  void privateBlocksAreRemovedWhole() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .put(0x00090010, VR.LO, "ACME 1.0")
                .put(0x00091001, VR.LO, "PRIVATE-MRN")
                .seq(0x00091002, new TestDataset().put("PatientName", "IN^PRIVATE"))
                .put(0x00290010, VR.LO, "OTHER CREATOR")
                .put(0x00291010, VR.OB, new byte[] {1, 2, 3, 4}));
    for (String p : out.elements.keySet()) {
      assertFalse(
          Tags.isPrivate(Integer.parseUnsignedInt(p.substring(0, 9).replace(",", ""), 16)), p);
    }
  }

  // Not listed: SOP class, transfer syntax and coding scheme UIDs name kinds of things.
  @Test
  void registeredAndClassUidsAreUnchanged() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .seq(
                    "ProcedureCodeSequence",
                    new TestDataset()
                        .put("CodeValue", "A1")
                        .put("CodingSchemeDesignator", "LN")
                        .put("CodingSchemeUID", "2.16.840.1.113883.6.1"))
                .put("RelatedGeneralSOPClassUID", "1.2.840.10008.5.1.4.1.1.2.1")
                .put("MappingResourceUID", "1.2.840.10008.8.1.1"));
    out.assertValue(path("SOPClassUID"), VR.UI, TestDataset.CT_IMAGE);
    out.assertValue(
        path("ProcedureCodeSequence") + "[0]/" + path("CodingSchemeUID"),
        VR.UI,
        "2.16.840.1.113883.6.1");
    out.assertValue(path("RelatedGeneralSOPClassUID"), VR.UI, "1.2.840.10008.5.1.4.1.1.2.1");
    out.assertValue(path("MappingResourceUID"), VR.UI, "1.2.840.10008.8.1.1");
    assertEquals("1.2.840.10008.1.2.1", out.meta.transferSyntaxUid());
  }

  // Not listed: 00081167 Multi-frame Source SOP Instance UID, 0018991E Target Frame of Reference
  @Test
  void unlistedInstanceUidsAreReplaced() throws IOException {
    String a = "1.2.826.0.1.3680043.8.498.77";
    String b = "1.2.826.0.1.3680043.8.498.78";
    DeidOutput out =
        run(
            TestDataset.ct()
                .put("MultiFrameSourceSOPInstanceUID", a)
                .put("TargetFrameOfReferenceUID", a + "\\" + b));
    out.assertValue(path("MultiFrameSourceSOPInstanceUID"), VR.UI, KEYED.uid(a));
    out.assertValue(path("TargetFrameOfReferenceUID"), VR.UI, KEYED.uid(a) + "\\" + KEYED.uid(b));
  }

  // Not listed: 00140104 Secondary Reviewer Name, 00142006 Evaluator Name (in an item)
  @Test
  void unlistedPersonNamesAreEmptied() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .put("SecondaryReviewerName", "REVIEW^ER")
                .seq("EvaluatorSequence", new TestDataset().put("EvaluatorName", "EVAL^U")));
    out.assertEmpty(path("SecondaryReviewerName"));
    out.assertEmpty(path("EvaluatorSequence") + "[0]/" + path("EvaluatorName"));
  }

  @Test
  void groupLengthsAreRemoved() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .put(0x00080000, VR.UL, new byte[] {100, 0, 0, 0})
                .put(0x00200000, VR.UL, new byte[] {100, 0, 0, 0})
                .seq(
                    "ProcedureCodeSequence",
                    new TestDataset()
                        .put(0x00080000, VR.UL, new byte[] {30, 0, 0, 0})
                        .put("CodeValue", "A1")));
    for (String p : out.elements.keySet()) {
      assertFalse(p.matches("(.*/)?[0-9A-F]{4},0000"), p);
    }
  }
}
