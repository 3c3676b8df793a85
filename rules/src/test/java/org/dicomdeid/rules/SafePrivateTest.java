package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import org.dicomdeid.dicom.VR;
import org.junit.jupiter.api.Test;

/** PS3.15 E.3.10 with a list of our own: kept only if creator, group and offset are listed. */
class SafePrivateTest {
  private static final SafePrivate LIST =
      SafePrivate.parse(
          new StringReader("# test list\nACME 1.0 | 0009 | 01\nACME 1.0 | 0009 | 03\n"));

  private static DeidOutput run(TestDataset ds) throws IOException {
    return DeidOutput.run(
        new Deidentifier(
            DeidConfig.of(DeidOutput.KEY, OptionTest.with(ProfileOption.RETAIN_SAFE_PRIVATE)),
            LIST),
        ds.file());
  }

  @Test
  void keepsListedElementsAndTheirCreatorOnly() throws IOException {
    DeidOutput out =
        run(
            TestDataset.ct()
                .put(0x00090010, VR.LO, "ACME 1.0")
                .put(0x00090011, VR.LO, "OTHER 2.0")
                .put(0x00091001, VR.DS, "1.5")
                .put(0x00091002, VR.LO, "NOT-LISTED")
                .seq(
                    0x00091003,
                    new TestDataset().put("PatientName", "IN^ITEM").put("Modality", "CT"))
                .put(0x00091101, VR.LO, "OTHER CREATOR, SAME OFFSET")
                .put(0x00111001, VR.LO, "OTHER GROUP"));
    out.assertValue("0009,0010", VR.LO, "ACME 1.0");
    out.assertValue("0009,1001", VR.DS, "1.5");
    assertFalse(out.has("0009,0011"));
    assertFalse(out.has("0009,1002"));
    assertFalse(out.has("0009,1101"));
    assertFalse(out.has("0011,1001"));
    assertEquals(1, out.get("0009,1003").items());
    out.assertEmpty("0009,1003[0]/0010,0010"); // the rules still apply inside a kept sequence
    out.assertValue("0009,1003[0]/0008,0060", VR.CS, "CT");
  }

  @Test
  void theShippedListIsEmpty() {
    assertFalse(SafePrivate.standard().isSafeCreator("ACME 1.0", 0x0009));
  }
}
