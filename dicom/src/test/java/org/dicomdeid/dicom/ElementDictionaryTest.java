package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {
  /** Rows of the PS3.6 table the resource was generated from (early 2025). */
  private static final int PS36_ROWS = 5129;

  private static final Path SOURCE_CSV = Path.of("/work/shared/standard/ps3.6-data-elements.csv");

  @Test
  void patientName() {
    assertEquals(VR.PN, ElementDictionary.vrOf(Tags.PatientName));
    assertEquals("PatientName", ElementDictionary.keywordOf(0x00100010));
    assertEquals("1", ElementDictionary.vmOf(Tags.PatientName));
    assertFalse(ElementDictionary.isRetired(Tags.PatientName));
  }

  @Test
  void pixelDataTakesFirstAlternative() {
    assertEquals(VR.OB, ElementDictionary.vrOf(0x7FE00010)); // "OB or OW"
    assertEquals("PixelData", ElementDictionary.keywordOf(Tags.PixelData));
  }

  @Test
  void alternativesAndMultiplicities() {
    assertEquals(VR.US, ElementDictionary.vrOf(0x00280106)); // SmallestImagePixelValue, US or SS
    assertEquals(VR.US, ElementDictionary.vrOf(0x00283006)); // LUTData, US or OW
    assertEquals("1-n or 1", ElementDictionary.vmOf(0x00283006));
    assertEquals(VR.CS, ElementDictionary.vrOf(Tags.SpecificCharacterSet));
    assertEquals("1-n", ElementDictionary.vmOf(Tags.SpecificCharacterSet));
    assertEquals(VR.SQ, ElementDictionary.vrOf(Tags.DeidentificationMethodCodeSequence));
  }

  @Test
  void overlayRepeatingGroup() {
    assertEquals(VR.OB, ElementDictionary.vrOf(0x60023000)); // (60xx,3000) OB or OW
    assertEquals("OverlayData", ElementDictionary.keywordOf(0x60023000));
    assertEquals(VR.US, ElementDictionary.vrOf(0x601E0010)); // OverlayRows, last group
    assertEquals(VR.LT, ElementDictionary.vrOf(0x60004000));
    assertTrue(ElementDictionary.isRetired(0x60004000)); // OverlayComments
    assertFalse(ElementDictionary.isRetired(0x60023000));
    // Outside 6000-601E even (PS3.5 7.6): not the overlay group.
    assertEquals("", ElementDictionary.keywordOf(0x60203000));
    assertEquals(VR.UN, ElementDictionary.vrOf(0x60203000));
  }

  @Test
  void curveRepeatingGroup() {
    assertEquals(VR.US, ElementDictionary.vrOf(0x50040005));
    assertEquals("CurveDimensions", ElementDictionary.keywordOf(0x50040005));
    assertTrue(ElementDictionary.isRetired(0x50040005));
    assertEquals(VR.OB, ElementDictionary.vrOf(0x50003000)); // CurveData, OB or OW
  }

  @Test
  void elementRanges() {
    assertEquals("SourceImageIDs", ElementDictionary.keywordOf(0x002031A5)); // (0020,31xx)
    assertEquals(VR.CS, ElementDictionary.vrOf(0x002031A5));
    assertEquals("CoefficientCoding", ElementDictionary.keywordOf(0x00280472)); // (0028,04x2)
    assertEquals(VR.AT, ElementDictionary.vrOf(0x00280413)); // (0028,04x3)
    assertEquals(VR.US, ElementDictionary.vrOf(0x10100004)); // ZonalMap (1010,xxxx)
  }

  @Test
  void groupLength() {
    assertEquals(VR.UL, ElementDictionary.vrOf(Tags.FileMetaInformationGroupLength));
    assertEquals(VR.UL, ElementDictionary.vrOf(0x00100000));
    assertEquals(VR.UL, ElementDictionary.vrOf(0x00290000));
    assertEquals(VR.UL, ElementDictionary.vrOf(0x60020000));
    assertEquals("1", ElementDictionary.vmOf(0x00290000));
  }

  @Test
  void privateTags() {
    assertEquals(VR.LO, ElementDictionary.vrOf(0x00290010));
    assertEquals(VR.LO, ElementDictionary.vrOf(0x000900FF));
    assertEquals(VR.UN, ElementDictionary.vrOf(0x00291010));
    assertEquals(VR.UN, ElementDictionary.vrOf(0x00090100));
    assertEquals(VR.UN, ElementDictionary.vrOf(0x60013000)); // odd group, not the overlay
    assertEquals("", ElementDictionary.keywordOf(0x00291010));
  }

  @Test
  void unknownAndDelimiters() {
    assertEquals(VR.UN, ElementDictionary.vrOf(0x0010FFF0)); // unregistered
    assertEquals(VR.UN, ElementDictionary.vrOf(0x0010FFF0));
    assertEquals("", ElementDictionary.keywordOf(0x0010FFF0));
    assertEquals("", ElementDictionary.vmOf(0x0010FFF0));
    assertFalse(ElementDictionary.isRetired(0x0010FFF0));
    assertEquals(VR.UN, ElementDictionary.vrOf(Tags.Item));
    assertEquals(VR.UN, ElementDictionary.vrOf(Tags.ItemDelimitationItem));
    assertEquals(VR.UN, ElementDictionary.vrOf(Tags.SequenceDelimitationItem));
    assertEquals("Item", ElementDictionary.keywordOf(Tags.Item));
    assertEquals(-1, ElementDictionary.tagOf("NoSuchKeyword"));
    assertEquals(-1, ElementDictionary.tagOf(""));
    assertEquals(-1, ElementDictionary.tagOf(null));
  }

  @Test
  void keywordRoundTrip() {
    assertEquals(Tags.PatientName, ElementDictionary.tagOf("PatientName"));
    assertEquals(Tags.PixelData, ElementDictionary.tagOf("PixelData"));
    assertEquals(0x60003000, ElementDictionary.tagOf("OverlayData"));
    assertEquals(0x50000005, ElementDictionary.tagOf("CurveDimensions"));
    assertEquals(0x00280400, ElementDictionary.tagOf("RowsForNthOrderCoefficients"));
    for (String kw :
        new String[] {
          "StudyInstanceUID",
          "PatientBirthDate",
          "SOPClassUID",
          "TransferSyntaxUID",
          "DeidentificationMethodCodeSequence",
          "BurnedInAnnotation"
        }) {
      assertEquals(kw, ElementDictionary.keywordOf(ElementDictionary.tagOf(kw)));
    }
  }

  @Test
  void everyTagsConstantAgreesWithTheDictionary() throws IllegalAccessException {
    for (var f : Tags.class.getFields()) {
      if (f.getType() == int.class) {
        assertEquals(f.getName(), ElementDictionary.keywordOf(f.getInt(null)), f.getName());
        assertEquals(f.getInt(null), ElementDictionary.tagOf(f.getName()), f.getName());
      }
    }
  }

  @Test
  void entryCountEqualsSourceRows() throws Exception {
    assertEquals(PS36_ROWS, ElementDictionary.size());
    if (Files.exists(SOURCE_CSV)) {
      try (Reader r = Files.newBufferedReader(SOURCE_CSV, StandardCharsets.UTF_8)) {
        long rows = 0;
        for (CSVRecord ignored :
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
          rows++;
        }
        assertEquals(rows, ElementDictionary.size());
      }
    }
  }
}
