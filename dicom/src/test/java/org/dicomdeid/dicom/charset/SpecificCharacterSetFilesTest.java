package org.dicomdeid.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Patient's Name in the character set test files shipped with pydicom (Debian package
 * python3-pydicom; their FileInfo.txt lists the content). There is no parser yet, so the test finds
 * the explicit VR little endian headers of (0008,0005) CS and (0010,0010) PN by their bytes.
 */
class SpecificCharacterSetFilesTest {
  private static final Path DIR =
      Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "chrArab.dcm    | قباني^لنزار",
        "chrFren.dcm    | Buc^Jérôme",
        "chrGerm.dcm    | Äneas^Rüdiger",
        "chrGreek.dcm   | Διονυσιος",
        "chrHbrw.dcm    | שרון^דבורה",
        "chrRuss.dcm    | Люкceмбypг",
        "chrH31.dcm     | Yamada^Tarou=山田^太郎=やまだ^たろう",
        "chrH32.dcm     | ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
        "chrI2.dcm      | Hong^Gildong=洪^吉洞=홍^길동",
        "chrJapMulti.dcm | やまだ^たろう",
        "chrJapMultiExplicitIR6.dcm | やまだ^たろう",
        "chrKoreanMulti.dcm | 김희중",
        "chrX1.dcm      | Wang^XiaoDong=王^小東=",
        "chrX2.dcm      | Wang^XiaoDong=王^小东=",
      })
  void patientName(String file, String expected) throws IOException {
    assumeTrue(
        Files.isDirectory(DIR), "python3-pydicom not installed: apt-get install python3-pydicom");
    byte[] data = Files.readAllBytes(DIR.resolve(file));
    byte[] charset = shortValue(data, Tags.SpecificCharacterSet, "CS");
    byte[] name = shortValue(data, Tags.PatientName, "PN");
    assertNotNull(charset, "no (0008,0005) CS in " + file);
    assertNotNull(name, "no (0010,0010) PN in " + file);
    SpecificCharacterSet cs =
        SpecificCharacterSet.of(new String(charset, StandardCharsets.US_ASCII).split("\\\\", -1));
    assertTrue(cs.isKnown(), cs.toString());
    assertEquals(expected, cs.decode(name, VR.PN).stripTrailing());
  }

  /**
   * The value of the first explicit VR little endian element with a 16-bit length (PS3.5 7.1.2)
   * whose tag and VR bytes match, or null.
   */
  static byte[] shortValue(byte[] data, int tag, String vr) {
    byte[] header = {
      (byte) (tag >>> 16),
      (byte) (tag >>> 24),
      (byte) tag,
      (byte) (tag >>> 8),
      (byte) vr.charAt(0),
      (byte) vr.charAt(1)
    };
    for (int i = 0; i + header.length + 2 <= data.length; i++) {
      if (Arrays.equals(data, i, i + header.length, header, 0, header.length)) {
        int off = i + header.length;
        int len = (data[off] & 0xFF) | (data[off + 1] & 0xFF) << 8;
        return Arrays.copyOfRange(data, off + 2, Math.min(data.length, off + 2 + len));
      }
    }
    return null;
  }
}
