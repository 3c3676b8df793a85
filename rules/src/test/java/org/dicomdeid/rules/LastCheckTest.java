package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.junit.jupiter.api.Test;

/**
 * Numeric identifiers (a birth date, an all-digit MRN) and the engine's own 2.25 UIDs: the scale
 * benchmark's 300,000 files had 2 whose new UIDs held the patient's birth date by chance.
 */
class LastCheckTest {
  private static final SpecificCharacterSet CS = SpecificCharacterSet.DEFAULT;

  private static LastCheck check() throws KnownIdentifierException {
    LastCheck c = LastCheck.forMrn("20481234");
    c.learn(Tags.PatientBirthDate, bytes("19560312"), CS);
    c.learn(Tags.StudyInstanceUID, bytes("1.2.410.200001.77.1956"), CS);
    c.ready();
    return c;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void digitsInsideANewUidOrANumberAreNotAnIdentifier() throws Exception {
    LastCheck c = check();
    assertDoesNotThrow(
        () -> c.value("", Tags.SOPInstanceUID, VR.UI, bytes("2.25.31195603124420481234000\0"), CS));
    assertDoesNotThrow(() -> c.value("", 0x00201041, VR.DS, bytes("0.1956031211"), CS));
    assertDoesNotThrow(() -> c.value("", 0x00200013, VR.IS, bytes("1204812345"), CS));
  }

  @Test
  void anOriginalUidOrAStandaloneNumberIsStillFound() throws Exception {
    LastCheck c = check();
    assertThrows(
        KnownIdentifierException.class,
        () -> c.value("", 0x00081155, VR.UI, bytes("1.2.410.200001.77.1956"), CS));
    assertThrows(
        KnownIdentifierException.class,
        () -> c.value("", 0x00204000, VR.LT, bytes("MRN 20481234 follow-up"), CS));
    assertThrows(
        KnownIdentifierException.class,
        () -> c.value("", 0x00200013, VR.IS, bytes("20481234"), CS));
    assertThrows(
        KnownIdentifierException.class,
        () -> c.value("", 0x00204000, VR.LT, bytes("born 19560312"), CS));
  }
}
