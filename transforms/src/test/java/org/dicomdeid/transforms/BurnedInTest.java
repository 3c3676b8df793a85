package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dicomdeid.rules.DicomHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The burned-in guard decides by SOP class too: an ultrasound without a Modality is held. */
class BurnedInTest {
  private static DicomHeader header(String sopClass, String modality) {
    return new DicomHeader(
        "1.2.840.10008.1.2.1",
        sopClass,
        "1.2.3",
        "1.2.3.4",
        "1.2.3.4.5",
        "MRN",
        "20220921",
        "StudyDate",
        modality,
        "",
        true);
  }

  @ParameterizedTest
  @CsvSource({
    "1.2.840.10008.5.1.4.1.1.6.1, ultrasound image",
    "1.2.840.10008.5.1.4.1.1.3.1, ultrasound multi-frame (IVUS)",
    "1.2.840.10008.5.1.4.1.1.6.2, enhanced US volume",
    "1.2.840.10008.5.1.4.1.1.14.1, intravascular OCT",
    "1.2.840.10008.5.1.4.1.1.77.1.5.1, ophthalmic photography 8 bit",
    "1.2.840.10008.5.1.4.1.1.77.1.5.4, ophthalmic tomography",
    "1.2.840.10008.5.1.4.1.1.77.1.1.1, video endoscopic",
    "1.2.840.10008.5.1.4.1.1.77.1.4, VL photographic",
    "1.2.840.10008.5.1.4.1.1.77.1.6, VL whole slide microscopy",
    "1.2.840.10008.5.1.4.1.1.7, secondary capture",
    "1.2.840.10008.5.1.4.1.1.7.4, multi-frame true colour secondary capture",
    "1.2.840.10008.5.1.4.1.1.104.1, encapsulated PDF",
    "1.2.840.10008.5.1.4.1.1.104.2, encapsulated CDA",
    "1.2.840.10008.5.1.4.1.1.104.3, encapsulated STL"
  })
  void heldBySopClassWithoutAModality(String sopClass, String what) {
    String reason = BurnedIn.reason(header(sopClass, ""));
    assertTrue(reason.startsWith("may carry burned-in text: SOP class " + sopClass), what);
  }

  @ParameterizedTest
  @CsvSource({
    "1.2.840.10008.5.1.4.1.1.2, CT",
    "1.2.840.10008.5.1.4.1.1.4, MR",
    "1.2.840.10008.5.1.4.1.1.77, ''",
    "1.2.840.10008.5.1.4.1.1.30, ''",
    "1.2.840.10008.5.1.4.1.1.88.67, SR"
  })
  void otherClassesPass(String sopClass, String modality) {
    assertEquals("", BurnedIn.reason(header(sopClass, modality)));
  }
}
