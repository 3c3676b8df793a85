package org.dicomdeid.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.dicomdeid.dicom.VR;
import org.junit.jupiter.api.Test;

/** The byte sequences are the standard's own examples, PS3.5 Annexes H to K. */
class SpecificCharacterSetTest {
  private static final String JAPANESE = "Yamada^Tarou=山田^太郎=やまだ^たろう";

  static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static void assertRoundTrip(SpecificCharacterSet cs, String text, byte[] encoded) {
    assertEquals(text, cs.decode(encoded, VR.PN));
    assertArrayEquals(encoded, cs.encode(text, VR.PN));
  }

  @Test
  void annexH31JapaneseWithDefaultValue1() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
    byte[] encoded =
        bytes(
            0x59, 0x61, 0x6D, 0x61, 0x64, 0x61, 0x5E, 0x54, 0x61, 0x72, 0x6F, 0x75, 0x3D, 0x1B,
            0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x42, 0x5E, 0x1B, 0x24, 0x42, 0x42,
            0x40, 0x4F, 0x3A, 0x1B, 0x28, 0x42, 0x3D, 0x1B, 0x24, 0x42, 0x24, 0x64, 0x24, 0x5E,
            0x24, 0x40, 0x1B, 0x28, 0x42, 0x5E, 0x1B, 0x24, 0x42, 0x24, 0x3F, 0x24, 0x6D, 0x24,
            0x26, 0x1B, 0x28, 0x42);
    assertRoundTrip(cs, JAPANESE, encoded);
    assertTrue(cs.isKnown());
    assertTrue(cs.usesCodeExtensions());
  }

  @Test
  void annexH32JapaneseWithKatakanaValue1() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
    byte[] encoded =
        bytes(
            0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3, 0x3D, 0x1B, 0x24, 0x42, 0x3B, 0x33,
            0x45, 0x44, 0x1B, 0x28, 0x4A, 0x5E, 0x1B, 0x24, 0x42, 0x42, 0x40, 0x4F, 0x3A, 0x1B,
            0x28, 0x4A, 0x3D, 0x1B, 0x24, 0x42, 0x24, 0x64, 0x24, 0x5E, 0x24, 0x40, 0x1B, 0x28,
            0x4A, 0x5E, 0x1B, 0x24, 0x42, 0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26, 0x1B, 0x28, 0x4A);
    assertRoundTrip(cs, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", encoded);
    // Value 1 written without the ISO 2022 prefix (seen in the field).
    assertEquals(
        "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
        SpecificCharacterSet.of("ISO_IR 13", "ISO 2022 IR 87").decode(encoded, VR.PN));
  }

  @Test
  void annexI2Korean() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
    byte[] encoded =
        bytes(
            0x48, 0x6F, 0x6E, 0x67, 0x5E, 0x47, 0x69, 0x6C, 0x64, 0x6F, 0x6E, 0x67, 0x3D, 0x1B,
            0x24, 0x29, 0x43, 0xFB, 0xF3, 0x5E, 0x1B, 0x24, 0x29, 0x43, 0xD1, 0xCE, 0xD4, 0xD7,
            0x3D, 0x1B, 0x24, 0x29, 0x43, 0xC8, 0xAB, 0x5E, 0x1B, 0x24, 0x29, 0x43, 0xB1, 0xE6,
            0xB5, 0xBF);
    assertRoundTrip(cs, "Hong^Gildong=洪^吉洞=홍^길동", encoded);
  }

  @Test
  void koreanGrBytesNeedTheDesignation() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
    // Without ESC $ ) C, G1 is empty: the bytes are not explained.
    assertEquals("\uFFFD\uFFFD", cs.decode(bytes(0xFB, 0xF3), VR.PN));
  }

  @Test
  void annexJ1Utf8() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 192");
    byte[] encoded =
        bytes(
            0x57, 0x61, 0x6E, 0x67, 0x5E, 0x58, 0x69, 0x61, 0x6F, 0x44, 0x6F, 0x6E, 0x67, 0x3D,
            0xE7, 0x8E, 0x8B, 0x5E, 0xE5, 0xB0, 0x8F, 0xE6, 0x9D, 0xB1, 0x3D);
    assertRoundTrip(cs, "Wang^XiaoDong=王^小東=", encoded);
    assertFalse(cs.usesCodeExtensions());
  }

  @Test
  void annexJ3Gb18030() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("GB18030");
    byte[] encoded =
        bytes(
            0x57, 0x61, 0x6e, 0x67, 0x5e, 0x58, 0x69, 0x61, 0x6f, 0x44, 0x6f, 0x6e, 0x67, 0x3d,
            0xcd, 0xf5, 0x5e, 0xd0, 0xa1, 0xb6, 0xab, 0x3d);
    assertRoundTrip(cs, "Wang^XiaoDong=王^小东=", encoded);
    assertRoundTrip(SpecificCharacterSet.of("GBK"), "Wang^XiaoDong=王^小东=", encoded);
  }

  @Test
  void annexK2Gb2312() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 58");
    byte[] encoded =
        bytes(
            0x5A, 0x68, 0x61, 0x6E, 0x67, 0x5E, 0x58, 0x69, 0x61, 0x6F, 0x44, 0x6F, 0x6E, 0x67,
            0x3D, 0x1B, 0x24, 0x29, 0x41, 0xD5, 0xC5, 0x5E, 0x1B, 0x24, 0x29, 0x41, 0xD0, 0xA1,
            0xB6, 0xAB, 0x3D, 0x20);
    assertEquals("Zhang^XiaoDong=张^小东= ", cs.decode(encoded, VR.PN));
    byte[] unpadded = Arrays.copyOf(encoded, encoded.length - 1);
    assertArrayEquals(unpadded, cs.encode("Zhang^XiaoDong=张^小东=", VR.PN));
  }

  @Test
  void annexK3LongTextResetsAtLineEnds() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 58");
    byte[] encoded =
        bytes(
            0x31, 0x2e, 0x1B, 0x24, 0x29, 0x41, 0xB5, 0xDA, 0xD2, 0xBB, 0xD0, 0xD0, 0xCE, 0xC4,
            0xD7, 0xD6, 0xA1, 0xA3, 0x1B, 0x28, 0x42, 0x0D, 0x0A, 0x32, 0x2e, 0x1B, 0x24, 0x29,
            0x41, 0xB5, 0xDA, 0xB6, 0xFE, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3, 0x1B,
            0x28, 0x42, 0x0D, 0x0A);
    assertEquals("1.第一行文字。\r\n2.第二行文字。\r\n", cs.decode(encoded, VR.LT));
    // After CR LF the G1 designation is gone: GR bytes without a new escape are not GB 2312.
    byte[] stale = bytes(0x1B, 0x24, 0x29, 0x41, 0xB5, 0xDA, 0x0D, 0x0A, 0xB5, 0xDA);
    assertEquals("第\r\n\uFFFD\uFFFD", cs.decode(stale, VR.LT));
  }

  @Test
  void japaneseResetsAtValueDelimiterAndEncodesBack() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
    byte[] lo = cs.encode("山田\\太郎", VR.LO);
    assertArrayEquals(
        bytes(
            0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x42, 0x5C, 0x1B, 0x24, 0x42,
            0x42, 0x40, 0x4F, 0x3A, 0x1B, 0x28, 0x42),
        lo);
    assertEquals("山田\\太郎", cs.decode(lo, VR.LO));
    // Space needs no switch back (SPACE is outside the 94-character sets).
    assertEquals("山 田", cs.decode(cs.encode("山 田", VR.LO), VR.LO));
  }

  @Test
  void jisX0212() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87", "ISO 2022 IR 159");
    byte[] encoded = bytes(0x1B, 0x24, 0x28, 0x44, 0x30, 0x21, 0x1B, 0x28, 0x42);
    assertEquals("丂", cs.decode(encoded, VR.LO));
    assertArrayEquals(encoded, cs.encode("丂", VR.LO));
    assertEquals("山丂", cs.decode(cs.encode("山丂", VR.LO), VR.LO));
  }

  @Test
  void latinWithCodeExtensions() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100");
    assertEquals(
        "Buc^Jérôme",
        cs.decode(bytes(0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65), VR.PN));
    SpecificCharacterSet greek = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");
    byte[] mixed = greek.encode("é Δ", VR.LO);
    assertArrayEquals(bytes(0xE9, 0x20, 0x1B, 0x2D, 0x46, 0xC4), mixed);
    assertEquals("é Δ", greek.decode(mixed, VR.LO));
  }

  @Test
  void singleByteSetsWithoutExtensions() {
    assertEquals(
        "Äneas^Rüdiger",
        SpecificCharacterSet.of("ISO_IR 100")
            .decode(
                bytes(0xC4, 0x6E, 0x65, 0x61, 0x73, 0x5E, 0x52, 0xFC, 0x64, 0x69, 0x67, 0x65, 0x72),
                VR.PN));
    assertEquals("Δ", SpecificCharacterSet.of("ISO_IR 126").decode(bytes(0xC4), VR.PN));
    assertEquals("Л", SpecificCharacterSet.of("ISO_IR 144").decode(bytes(0xBB), VR.PN));
    assertEquals("ש", SpecificCharacterSet.of("ISO_IR 138").decode(bytes(0xF9), VR.PN));
    assertEquals("ق", SpecificCharacterSet.of("ISO_IR 127").decode(bytes(0xE2), VR.PN));
    assertEquals("€", SpecificCharacterSet.of("ISO_IR 203").decode(bytes(0xA4), VR.PN));
    assertEquals("Ğ", SpecificCharacterSet.of("ISO_IR 148").decode(bytes(0xD0), VR.PN));
    assertEquals("ｱ", SpecificCharacterSet.of("ISO_IR 13").decode(bytes(0xB1), VR.PN));
    SpecificCharacterSet thai = SpecificCharacterSet.of("ISO_IR 166");
    assertArrayEquals(bytes(0xCA, 0xC7, 0xD1, 0xCA, 0xB4, 0xD5), thai.encode("สวัสดี", VR.LO));
    assertEquals("สวัสดี", thai.decode(bytes(0xCA, 0xC7, 0xD1, 0xCA, 0xB4, 0xD5), VR.LO));
  }

  @Test
  void defaultRepertoire() {
    assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.DEFAULT);
    assertEquals(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of(""));
    assertTrue(SpecificCharacterSet.of((String[]) null).isKnown());
    SpecificCharacterSet cs = SpecificCharacterSet.of("");
    assertTrue(cs.isKnown());
    assertEquals("Doe^John", cs.decode("Doe^John".getBytes(), VR.PN));
    assertEquals("J\uFFFDr", cs.decode(bytes(0x4A, 0xE9, 0x72), VR.PN));
    assertArrayEquals(bytes(0x4A, 0x3F, 0x72), cs.encode("Jér", VR.PN));
  }

  @Test
  void termsAreTrimmed() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 100 ");
    assertTrue(cs.isKnown());
    assertEquals("é", cs.decode(bytes(0xE9), VR.LO));
    assertArrayEquals(
        new String[] {"", "ISO 2022 IR 87"},
        SpecificCharacterSet.of(" ", "ISO 2022 IR 87 ").terms());
  }

  @Test
  void unknownTermsFallBack() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999");
    assertFalse(cs.isKnown());
    assertEquals("Jér", cs.decode(bytes(0x4A, 0xE9, 0x72), VR.PN));
    SpecificCharacterSet ext = SpecificCharacterSet.of("", "ISO 2022 IR 999");
    assertFalse(ext.isKnown());
    assertEquals("Doe\uFFFD", ext.decode(bytes(0x44, 0x6F, 0x65, 0xE9), VR.PN));
    assertFalse(SpecificCharacterSet.of("ISO_IR 192", "ISO 2022 IR 87").isKnown());
  }

  @Test
  void otherVrsUseTheDefaultRepertoire() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 100");
    assertEquals("\uFFFD", cs.decode(bytes(0xE9), VR.CS)); // PS3.5 6.1.2.3
    assertEquals("é", cs.decode(bytes(0xE9), null));
    assertEquals("", cs.decode(null, VR.PN));
    assertArrayEquals(new byte[0], cs.encode(null, VR.PN));
  }

  @Test
  void malformedInputNeverThrows() {
    SpecificCharacterSet[] sets = {
      SpecificCharacterSet.DEFAULT,
      SpecificCharacterSet.of("ISO_IR 192"),
      SpecificCharacterSet.of("GB18030"),
      SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"),
      SpecificCharacterSet.of("", "ISO 2022 IR 149", "ISO 2022 IR 58"),
      SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 144"),
    };
    Random random = new Random(2025);
    for (int n = 0; n < 500; n++) {
      byte[] junk = new byte[random.nextInt(40)];
      random.nextBytes(junk);
      if (junk.length > 3 && n % 2 == 0) {
        junk[random.nextInt(junk.length - 3)] = 0x1B; // escapes, valid or not
      }
      for (SpecificCharacterSet cs : sets) {
        for (VR vr : new VR[] {VR.PN, VR.LO, VR.LT, VR.UT}) {
          cs.decode(junk, vr);
        }
      }
    }
    SpecificCharacterSet jp = SpecificCharacterSet.of("", "ISO 2022 IR 87");
    // A lone byte after ESC $ B, and an escape sequence DICOM does not allow.
    assertEquals("\uFFFD", jp.decode(bytes(0x1B, 0x24, 0x42, 0x3B), VR.PN));
    assertEquals("\uFFFD(Z", jp.decode(bytes(0x1B, 0x28, 0x5A), VR.PN));
  }
}
