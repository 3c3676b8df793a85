package org.dicomdeid.rules;

import static org.dicomdeid.rules.DeidOutput.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.junit.jupiter.api.Test;

/** What Table E.1-1 does not say (issue 13): sequences with text, unlisted text, URLs, order. */
class TableGapsTest {
  private static final String MARK = "GAPMARK";
  private static final Set<ProfileOption> DEFAULT = DeidConfig.defaultOptions();

  private static boolean leaks(DeidOutput out) {
    return PhiLeakTest.indexOf(out.bytes, MARK.getBytes(StandardCharsets.US_ASCII)) >= 0;
  }

  /** A CT dose report's shape: a container with a text item, a code and a number. */
  private static TestDataset report() {
    TestDataset code =
        new TestDataset()
            .put("CodeValue", "113830")
            .put("CodingSchemeDesignator", "DCM")
            .put("CodeMeaning", "Mean CTDIvol");
    TestDataset local =
        new TestDataset()
            .put("CodeValue", "X1")
            .put("CodingSchemeDesignator", "99HOSP")
            .put("CodeMeaning", MARK + " LOCAL");
    TestDataset num =
        new TestDataset()
            .put("ValueType", "NUM")
            .seq("ConceptNameCodeSequence", code)
            .seq("MeasuredValueSequence", new TestDataset().put("NumericValue", "12.5"));
    TestDataset text =
        new TestDataset()
            .put("ValueType", "TEXT")
            .seq("ConceptNameCodeSequence", local)
            .put("TextValue", MARK + " HONG^GILDONG 123456")
            .put("PersonName", MARK + "^PN")
            .put("DateTime", "20220921101010");
    return new TestDataset()
        .put("SOPClassUID", "1.2.840.10008.5.1.4.1.1.88.67")
        .put("Modality", "SR")
        .sopInstance(TestDataset.SOP_INSTANCE)
        .seq("ContentSequence", num, text);
  }

  @Test
  void aReportsContentSequenceIsRemovedByDefaultAndCleanedWithTheOption() throws IOException {
    DeidOutput basic = DeidOutput.run(report().file(), DEFAULT);
    assertFalse(basic.has(path("ContentSequence")));
    assertFalse(leaks(basic));
    DeidOutput clean =
        DeidOutput.run(report().file(), EnumSet.of(ProfileOption.CLEAN_STRUCTURED_CONTENT));
    assertFalse(leaks(clean));
    String num = path("ContentSequence") + "[0]/";
    clean.assertValue(
        num + path("MeasuredValueSequence") + "[0]/" + path("NumericValue"), VR.DS, "12.5");
    clean.assertValue(
        num + path("ConceptNameCodeSequence") + "[0]/" + path("CodeMeaning"),
        VR.LO,
        "Mean CTDIvol");
    String text = path("ContentSequence") + "[1]/";
    clean.assertValue(text + path("TextValue"), VR.UT, "DEIDENTIFIED");
    clean.assertValue(text + path("PersonName"), VR.PN, "DEIDENTIFIED");
    clean.assertValue(
        text + path("ConceptNameCodeSequence") + "[0]/" + path("CodeMeaning"),
        VR.LO,
        "DEIDENTIFIED");
  }

  @Test
  void annotationTextGoesByDefaultAndIsCleanedWithCleanGraphics() throws IOException {
    TestDataset gsps =
        TestDataset.ct()
            .seq(
                "GraphicAnnotationSequence",
                new TestDataset()
                    .put("GraphicLayer", "LAYER")
                    .seq(
                        "TextObjectSequence",
                        new TestDataset().put("UnformattedTextValue", MARK + " KIM")));
    assertFalse(DeidOutput.run(gsps.file(), DEFAULT).has(path("GraphicAnnotationSequence")));
    DeidOutput clean = DeidOutput.run(gsps.file(), EnumSet.of(ProfileOption.CLEAN_GRAPHICS));
    assertFalse(leaks(clean));
    clean.assertValue(
        path("GraphicAnnotationSequence")
            + "[0]/"
            + path("TextObjectSequence")
            + "[0]/"
            + path("UnformattedTextValue"),
        VR.ST,
        "DEIDENTIFIED");
  }

  @Test
  void unlistedTextIsRemovedUnlessOnTheKeepListOrKeptOnPurpose() throws IOException {
    TestDataset in =
        TestDataset.ct()
            .put("ConvolutionKernel", "B30f")
            .put("Manufacturer", "SIEMENS")
            .put("DocumentTitle", MARK + "1")
            .put("StorageMediaFileSetID", MARK + "2")
            .put("ImageID", MARK + "3")
            .put("RetrieveURL", "http://pacs/" + MARK)
            .put(0x00000902, VR.LO, MARK + "ERROR")
            .put(0x00000000, VR.UL, new byte[4])
            .put(0x00211000, VR.LO, MARK + "PRIV")
            .put(0x00F10010, VR.LO, MARK + "ODD")
            .put(0x00777770, VR.LO, MARK + "UNKNOWN-PUBLIC")
            .put(0x60200022, VR.LO, MARK + "OVERLAY")
            .put(0x60200010, VR.US, new byte[] {1, 0})
            .put(0x50100005, VR.US, new byte[] {1, 0})
            .seq(
                "ProcedureCodeSequence",
                new TestDataset()
                    .put("CodeValue", "P1")
                    .put("CodingSchemeDesignator", "L")
                    .put("CodeMeaning", MARK + "CM")
                    .put("LongCodeValue", MARK + "LONG"));
    DeidOutput out = DeidOutput.run(in.file(), DEFAULT);
    assertFalse(leaks(out), () -> out.elements.keySet().toString());
    out.assertValue(path("ConvolutionKernel"), VR.SH, "B30f");
    out.assertValue(path("Manufacturer"), VR.LO, "SIEMENS");
    assertTrue(
        out.elements.keySet().stream()
            .noneMatch(
                p ->
                    p.startsWith("6020")
                        || p.startsWith("5010")
                        || p.startsWith("0000")
                        || p.startsWith("0077")),
        () -> out.elements.keySet().toString());
    Deidentifier keeping =
        new Deidentifier(DeidConfig.of(DeidOutput.KEY, DEFAULT).withKeepUnlistedText(true));
    DeidOutput kept = DeidOutput.run(keeping, in.file());
    kept.assertValue(path("DocumentTitle"), VR.ST, MARK + "1");
    assertFalse(kept.has(path(0x00777770)), "unknown tags go even under keepUnlistedText");
    assertFalse(kept.has(path("RetrieveURL")), "URLs go even under keepUnlistedText");
  }

  @Test
  void dateTimeRangesShiftOnBothSides() {
    byte[] v =
        ValueRewrites.shiftDates(
            Values.ascii("20221231235959-20230101000000\\20220101+0900\\-20220102", VR.DT),
            VR.DT,
            -10);
    assertEquals("20221221235959-20221222000000\\20211222+0900\\-20211223", Values.string(v));
    assertEquals(
        "20221221-20221222\\20211224",
        Values.string(
            ValueRewrites.shiftDates(
                Values.ascii("20221231-20230101\\2022.01.03", VR.DA), VR.DA, -10)));
  }

  @Test
  void anElementAfterPixelDataOrATagTwiceFailsWithoutNamingAValue() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DicomWriter w = new DicomWriter(bytes);
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, TestDataset.CT_IMAGE);
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, TestDataset.SOP_INSTANCE);
    w.writeFileMeta(meta, TransferSyntax.EXPLICIT_LE);
    w.writeElement(Tags.SOPClassUID, VR.UI, Values.ascii(TestDataset.CT_IMAGE, VR.UI));
    w.writeElement(Tags.SOPInstanceUID, VR.UI, Values.ascii(TestDataset.SOP_INSTANCE, VR.UI));
    w.writeElement(Tags.PixelData, VR.OW, new byte[4]);
    w.writeElement(Tags.PatientName, VR.PN, Values.ascii(MARK + "^LATE", VR.PN));
    w.finish();
    byte[] in = bytes.toByteArray();
    Deidentifier engine = new Deidentifier(DeidConfig.of(DeidOutput.KEY, DEFAULT));
    DicomParseException e =
        assertThrows(
            DicomParseException.class,
            () ->
                engine.deidentify(
                    () -> new ByteArrayInputStream(in),
                    in.length,
                    new ByteArrayOutputStream(),
                    DeidOutput.SUBJECT));
    assertTrue(e.getMessage().contains("out of ascending tag order"), e.getMessage());
    assertFalse(e.getMessage().contains(MARK));
  }

  @Test
  void textAfterTheDataSetIsReportedByOffsetNotAsATagOrLength() {
    byte[] good = TestDataset.ct().file();
    byte[] tail = "OHGNAM HONG^GILDONG GAPMARK 0123456789".getBytes(StandardCharsets.US_ASCII);
    byte[] in = Arrays.copyOf(good, good.length + tail.length);
    System.arraycopy(tail, 0, in, good.length, tail.length);
    Deidentifier engine = new Deidentifier(DeidConfig.of(DeidOutput.KEY, DEFAULT));
    DicomParseException e =
        assertThrows(
            DicomParseException.class,
            () ->
                engine.deidentify(
                    () -> new ByteArrayInputStream(in),
                    in.length,
                    new ByteArrayOutputStream(),
                    DeidOutput.SUBJECT));
    assertEquals(
        "at byte offset "
            + good.length
            + ": unexpected bytes at offset "
            + good.length
            + " (not an element header)",
        e.getMessage());
  }

  @Test
  void theLastCheckKeepsOutAFileWhereAKnownIdentifierSurvivedOnPurpose() throws IOException {
    SpecificCharacterSet korean = SpecificCharacterSet.of("", "ISO 2022 IR 149");
    Deidentifier keeping =
        new Deidentifier(DeidConfig.of(DeidOutput.KEY, DEFAULT).withKeepUnlistedText(true));
    String[][] cases = {
      {"DocumentTitle", "Report of GILDONG", "name", "0042,0010"},
      {"ImageComments", "x", "", ""},
      {"DeviceID", "KU39009-7", "MRN", "0018,1003"},
      {"ContentDescription", "acc ACC778899", "accession number", "0070,0081"}
    };
    for (String[] c : cases) {
      TestDataset in =
          TestDataset.ct()
              .put(Tags.SpecificCharacterSet, VR.CS, "\\ISO 2022 IR 149")
              .put(
                  Tags.PatientName,
                  VR.PN,
                  Values.pad(korean.encode("HONG^GILDONG=홍^길동", VR.PN), VR.PN))
              .put("PatientID", "KU39009")
              .put("AccessionNumber", "ACC778899")
              .put(c[0], c[1]);
      if (c[2].isEmpty()) {
        assertFalse(leaks(DeidOutput.run(keeping, in.file())));
        continue;
      }
      KnownIdentifierException e =
          assertThrows(KnownIdentifierException.class, () -> DeidOutput.run(keeping, in.file()));
      assertEquals(
          "the last check found the patient's "
              + c[2]
              + " at "
              + c[3]
              + " in the de-identified data set; the file is kept out of the output",
          e.getMessage());
    }
    TestDataset hangul =
        TestDataset.ct()
            .put(Tags.SpecificCharacterSet, VR.CS, "\\ISO 2022 IR 149")
            .put(Tags.PatientName, VR.PN, Values.pad(korean.encode("홍길동", VR.PN), VR.PN))
            .seq(
                "ReferencedSeriesSequence",
                new TestDataset()
                    .put(
                        TestDataset.tag("DocumentTitle"),
                        VR.ST,
                        Values.pad(korean.encode("홍길동 판독", VR.ST), VR.ST)));
    KnownIdentifierException e =
        assertThrows(KnownIdentifierException.class, () -> DeidOutput.run(keeping, hangul.file()));
    assertTrue(e.getMessage().contains("name at 0008,1115[0]/0042,0010"), e.getMessage());
  }

  /** A keep-list row is only meaningful for an unlisted attribute of a text VR. */
  @Test
  void everyKeepListRowIsAnUnlistedTextAttribute() {
    assertTrue(UnlistedTextKeepList.rows().size() >= 20);
    for (UnlistedTextKeepList.Row r : UnlistedTextKeepList.rows().values()) {
      assertEquals(null, Profile.standard().entryFor(r.tag()), r.keyword() + " is in the table");
      assertTrue(
          ElementRules.TEXT.contains(ElementDictionary.vrOf(r.tag())),
          r.keyword() + " is not a text VR");
    }
  }

  /** Text cannot hide behind a wrong explicit VR: a kept date tag or a binary VR. */
  @Test
  void textUnderAWrongVrGoes() throws IOException {
    DeidOutput out =
        DeidOutput.run(
            TestDataset.ct()
                .put(TestDataset.tag("StudyDate"), VR.LT, MARK + " HONG")
                .put(TestDataset.tag("DocumentTitle"), VR.OB, MARK + "OB")
                .put(TestDataset.tag("ContentDate"), VR.DA, "20220921")
                .put(TestDataset.tag("AcquisitionDate"), VR.DA, MARK)
                .put(TestDataset.tag("SliceThickness"), VR.DS, MARK + "DS")
                .put(TestDataset.tag("InstanceNumber"), VR.IS, "12")
                .file(),
            DEFAULT);
    assertFalse(leaks(out), () -> out.elements.keySet().toString());
    out.assertValue(path("ContentDate"), VR.DA, "20220921");
    out.assertValue(path("InstanceNumber"), VR.IS, "12");
    out.assertEmpty(path("SliceThickness"));
  }
}
