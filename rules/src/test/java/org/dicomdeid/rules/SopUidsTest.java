package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;

/** The SOP UIDs the output's file meta carries: from the data set, else the input's meta. */
class SopUidsTest {
  private static final Keyed KEYED = new Keyed(DeidOutput.KEY);

  private static SopUids prescan(byte[] file) throws IOException {
    return SopUids.prescan(() -> new ByteArrayInputStream(file), file.length);
  }

  /** A file whose meta names {@code metaInstance}, with the data set {@code ds}. */
  private static byte[] file(String metaInstance, TestDataset ds) {
    return ds.file(TransferSyntax.EXPLICIT_LE, TestDataset.CT_IMAGE, metaInstance);
  }

  @Test
  void theDataSetsUidsComeFirstThenTheFileMetas() throws IOException {
    SopUids sop = prescan(file("1.2.3.999", TestDataset.ct()));
    assertEquals(new SopUids(TestDataset.CT_IMAGE, TestDataset.SOP_INSTANCE), sop);
    sop = prescan(file("1.2.3.999", new TestDataset().put("Modality", "CT")));
    assertEquals(new SopUids(TestDataset.CT_IMAGE, "1.2.3.999"), sop);
  }

  @Test
  void noUidAnywhereIsRefused() {
    byte[] bare = new TestDataset().put("Modality", "CT").bare(TransferSyntax.EXPLICIT_LE);
    DicomParseException e = assertThrows(DicomParseException.class, () -> prescan(bare));
    assertEquals(DicomParseException.Kind.MISSING_UID, e.kind());
  }

  @Test
  void aHeaderWithoutEitherUidSendsTheCallerToThePrescan() {
    assertNull(
        SopUids.of(
            new DicomHeader(
                "1.2.840.10008.1.2.1",
                "",
                "1.2",
                "1.2.3",
                "1.2.3.4",
                "KU39009",
                "20220921",
                "StudyDate",
                "CT",
                "",
                true)));
  }

  @Test
  void theFileMetaCarriesTheKeyedInstanceUidButKeepsRegisteredOnes() {
    FileMeta meta = new SopUids(TestDataset.CT_IMAGE, "1.2.3.4").fileMeta(KEYED);
    assertEquals(TestDataset.CT_IMAGE, meta.mediaStorageSopClassUid());
    assertEquals(KEYED.uid("1.2.3.4"), meta.mediaStorageSopInstanceUid());
    String registered = "1.2.840.10008.1.2.3";
    assertEquals(
        registered,
        new SopUids(TestDataset.CT_IMAGE, registered).fileMeta(KEYED).mediaStorageSopInstanceUid());
  }
}
