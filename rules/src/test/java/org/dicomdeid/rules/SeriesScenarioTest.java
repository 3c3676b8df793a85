package org.dicomdeid.rules;

import static org.dicomdeid.rules.DeidOutput.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One patient: two instances of one series and one instance of another study. Keyed UIDs keep what
 * agreed in the originals agreeing, and references pointing at the right new instance.
 */
class SeriesScenarioTest {
  private static final String FRAME = "1.2.826.0.1.3680043.8.498.3";
  private static final String SOP1 = "1.2.826.0.1.3680043.8.498.1001";
  private static final String SOP2 = "1.2.826.0.1.3680043.8.498.1002";
  private static final String SOP3 = "1.2.826.0.1.3680043.8.498.2001";

  private static TestDataset instance(String study, String series, String sop) {
    return new TestDataset()
        .put("SOPClassUID", TestDataset.CT_IMAGE)
        .put("Modality", "CT")
        .put("PatientName", "DOE^JANE")
        .put("PatientID", "KU39009")
        .put("StudyInstanceUID", study)
        .put("SeriesInstanceUID", series)
        .put("FrameOfReferenceUID", FRAME)
        .sopInstance(sop);
  }

  private static byte[] file1() {
    return instance(TestDataset.STUDY, TestDataset.SERIES, SOP1).file();
  }

  private static byte[] file2() {
    return instance(TestDataset.STUDY, TestDataset.SERIES, SOP2)
        .seq(
            "ReferencedImageSequence",
            new TestDataset()
                .put("ReferencedSOPClassUID", TestDataset.CT_IMAGE)
                .put("ReferencedSOPInstanceUID", SOP1))
        .file();
  }

  private static byte[] file3() {
    return instance("1.2.826.0.1.3680043.8.498.9", "1.2.826.0.1.3680043.8.498.10", SOP3).file();
  }

  @Test
  void uidsAgreeWhereTheOriginalsAgreed() throws IOException {
    Deidentifier engine =
        new Deidentifier(DeidConfig.of(DeidOutput.KEY, DeidConfig.defaultOptions()));
    DeidOutput one = DeidOutput.run(engine, file1());
    DeidOutput two = DeidOutput.run(engine, file2());
    DeidOutput three = DeidOutput.run(engine, file3());
    for (String k :
        new String[] {
          "StudyInstanceUID", "SeriesInstanceUID", "FrameOfReferenceUID", "PatientID", "PatientName"
        }) {
      assertEquals(one.string(path(k)), two.string(path(k)), k);
    }
    assertEquals(
        one.string(path("FrameOfReferenceUID")), three.string(path("FrameOfReferenceUID")));
    assertNotEquals(one.string(path("StudyInstanceUID")), three.string(path("StudyInstanceUID")));
    assertNotEquals(one.string(path("SeriesInstanceUID")), three.string(path("SeriesInstanceUID")));
    String sop1 = one.string(path("SOPInstanceUID"));
    assertNotEquals(sop1, two.string(path("SOPInstanceUID")));
    assertNotEquals(sop1, three.string(path("SOPInstanceUID")));
    assertEquals(
        sop1,
        two.string(path("ReferencedImageSequence") + "[0]/" + path("ReferencedSOPInstanceUID")));
    assertEquals(sop1, one.meta.mediaStorageSopInstanceUid());
  }

  @Test
  void sameKeySameUidsInAFreshEngineAnotherKeyOthers() throws IOException {
    DeidOutput first = DeidOutput.run(file2(), DeidConfig.defaultOptions());
    DeidOutput again =
        DeidOutput.run(
            new Deidentifier(DeidConfig.of(DeidOutput.KEY.clone(), DeidConfig.defaultOptions())),
            file2());
    byte[] otherKey = "a-different-secret-key-for-tests".getBytes(StandardCharsets.US_ASCII);
    DeidOutput other =
        DeidOutput.run(
            new Deidentifier(DeidConfig.of(otherKey, DeidConfig.defaultOptions())), file2());
    for (String p :
        new String[] {
          path("SOPInstanceUID"),
          path("StudyInstanceUID"),
          path("ReferencedImageSequence") + "[0]/" + path("ReferencedSOPInstanceUID")
        }) {
      assertEquals(first.string(p), again.string(p), p);
      assertNotEquals(first.string(p), other.string(p), p);
    }
    assertArrayEquals(first.bytes, again.bytes, "same input, same key: same bytes");
  }
}
