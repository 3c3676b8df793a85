package org.dicomdeid.rules;

import static org.dicomdeid.rules.DeidOutput.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Subject rules, element order, transfer syntaxes and pixel data bytes. */
class EncodingTest {
  private static final Keyed KEYED = new Keyed(DeidOutput.KEY);

  @Test
  void subjectRulesReplaceTheInputsPatientNameAndId() throws IOException {
    DeidOutput out =
        DeidOutput.run(
            TestDataset.ct().put("PatientName", "DOE^JANE").put("PatientID", "KU39009").file(),
            DeidConfig.defaultOptions());
    out.assertValue(path("PatientName"), VR.PN, "SUBJ0417_20220921");
    out.assertValue(path("PatientID"), VR.LO, "SUBJ0417");
  }

  @Test
  void subjectAndRecordAttributesAreInsertedInTagOrder() throws IOException {
    DeidOutput out =
        DeidOutput.run(
            TestDataset.ct()
                .put("PatientBirthDate", "19610203")
                .put("BodyPartExamined", "HEAD")
                .put(TestDataset.tag("Rows"), VR.US, new byte[] {0, 2})
                .file(),
            DeidConfig.defaultOptions());
    List<String> top = out.topLevel();
    assertEquals(
        List.of(
            "0008,0016",
            "0008,0018",
            "0008,0060",
            "0010,0010",
            "0010,0020",
            "0010,0030",
            "0012,0062",
            "0012,0063",
            "0012,0064",
            "0018,0015",
            "0020,000D",
            "0020,000E",
            "0028,0010",
            "0028,0303"),
        top);
  }

  @Test
  void recordAttributesGoAfterEverythingWhenTheInputEndsEarly() throws IOException {
    DeidOutput out =
        DeidOutput.run(
            new TestDataset()
                .put("SOPClassUID", TestDataset.CT_IMAGE)
                .sopInstance(TestDataset.SOP_INSTANCE)
                .file(),
            DeidConfig.defaultOptions());
    assertEquals(
        List.of(
            "0008,0016",
            "0008,0018",
            "0010,0010",
            "0010,0020",
            "0012,0062",
            "0012,0063",
            "0012,0064",
            "0028,0303"),
        out.topLevel());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
        TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
        TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN
      })
  void nativePixelDataIsCopiedInTheInputsTransferSyntax(String uid) throws IOException {
    byte[] pixels = new byte[70_000]; // above DicomCopy's streaming threshold
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 31 + 7);
    }
    TransferSyntax ts = TransferSyntax.of(uid);
    DeidOutput out =
        DeidOutput.run(
            TestDataset.ct()
                .put("PatientName", "DOE^JANE")
                .put("InstitutionName", "Korea Univ Hospital")
                .put(
                    TestDataset.tag("Rows"),
                    VR.US,
                    ts.bigEndian() ? new byte[] {1, 0} : new byte[] {0, 1})
                .put(Tags.PixelData, VR.OW, pixels)
                .file(ts),
            DeidConfig.defaultOptions());
    assertEquals(uid, out.meta.transferSyntaxUid());
    assertEquals(uid, out.transferSyntax.uid());
    assertArrayEquals(pixels, out.get(path(Tags.PixelData)).value());
    assertArrayEquals(
        ts.bigEndian() ? new byte[] {1, 0} : new byte[] {0, 1},
        out.get(path(TestDataset.tag("Rows"))).value());
    out.assertValue(path("InstitutionName"), VR.LO, "DEIDENTIFIED");
    out.assertValue(path("PatientName"), VR.PN, "SUBJ0417_20220921");
  }

  @Test
  void encapsulatedFragmentsAreCopiedByteForByte() throws IOException {
    String jpeg = "1.2.840.10008.1.2.4.50";
    byte[] offsets = {0, 0, 0, 0};
    byte[] f1 = "\u00ff\u00d8 frame one bytes! \u00ff\u00d9".getBytes(StandardCharsets.ISO_8859_1);
    byte[] f2 = new byte[1000];
    for (int i = 0; i < f2.length; i++) {
      f2[i] = (byte) i;
    }
    DeidOutput out =
        DeidOutput.run(
            TestDataset.ct()
                .fragments(Tags.PixelData, offsets, f1, f2)
                .file(TransferSyntax.of(jpeg)),
            DeidConfig.defaultOptions());
    assertEquals(jpeg, out.meta.transferSyntaxUid());
    String px = path(Tags.PixelData);
    assertEquals(3, out.get(px).items());
    assertArrayEquals(offsets, out.get(px + "{0}").value());
    assertArrayEquals(f1, out.get(px + "{1}").value());
    assertArrayEquals(f2, out.get(px + "{2}").value());
  }

  /** PS3.10 7.1: Media Storage SOP Instance UID is the data set's SOP Instance UID. */
  @Test
  void fileMetaNamesTheNewSopInstanceEvenAfterAnEarlierSequence() throws IOException {
    FileMeta sloppy = new FileMeta();
    sloppy.putString(Tags.MediaStorageSOPClassUID, VR.UI, TestDataset.CT_IMAGE);
    sloppy.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.8.498.5");
    sloppy.putString(Tags.SourceApplicationEntityTitle, VR.AE, "KUH_CT_ROOM3");
    DeidOutput out =
        DeidOutput.run(
            TestDataset.ct()
                .seq(
                    "LanguageCodeSequence",
                    new TestDataset()
                        .put("CodeValue", "ko")
                        .put("CodingSchemeDesignator", "RFC5646"))
                .file(TransferSyntax.EXPLICIT_LE, sloppy),
            DeidConfig.defaultOptions());
    String sop = KEYED.uid(TestDataset.SOP_INSTANCE);
    out.assertValue(path("SOPInstanceUID"), VR.UI, sop);
    assertEquals(sop, out.meta.mediaStorageSopInstanceUid());
    assertEquals(null, out.meta.getString(Tags.SourceApplicationEntityTitle));
  }

  @Test
  void aBareDataSetGetsAFileMetaFromItsOwnUids() throws IOException {
    DeidOutput out =
        DeidOutput.run(
            TestDataset.ct()
                .seq("LanguageCodeSequence", new TestDataset().put("CodeValue", "ko"))
                .bare(TransferSyntax.IMPLICIT_LE),
            DeidConfig.defaultOptions());
    assertEquals(KEYED.uid(TestDataset.SOP_INSTANCE), out.meta.mediaStorageSopInstanceUid());
    assertEquals(TestDataset.CT_IMAGE, out.meta.mediaStorageSopClassUid());
  }

  /**
   * PS3.5 6.2.2: a sequence may arrive as UN of defined length (written by a system that did not
   * know the tag); its items are then opaque bytes, and may hold names.
   */
  @Test
  void aSequenceHiddenInUnDoesNotCarryNamesThrough() throws IOException {
    TestDataset item = new TestDataset().put("PatientName", "HIDDEN^NAME");
    byte[] implicitItem = item.bare(TransferSyntax.IMPLICIT_LE);
    byte[] value = new byte[8 + implicitItem.length];
    byte[] head = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0};
    System.arraycopy(head, 0, value, 0, 4);
    int n = implicitItem.length;
    value[4] = (byte) n;
    value[5] = (byte) (n >> 8);
    System.arraycopy(implicitItem, 0, value, 8, n);
    DeidOutput out =
        DeidOutput.run(
            TestDataset.ct()
                .put(TestDataset.tag("PerformedProtocolCodeSequence"), VR.UN, value)
                .file(),
            DeidConfig.defaultOptions());
    assertFalse(
        new String(out.bytes, StandardCharsets.ISO_8859_1).contains("HIDDEN^NAME"),
        () -> out.elements.keySet().toString());
    out.assertEmpty(path("PerformedProtocolCodeSequence"));
  }
}
