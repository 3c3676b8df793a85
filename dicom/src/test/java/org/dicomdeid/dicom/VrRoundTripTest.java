package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.junit.jupiter.api.Test;

/** Each VR of PS3.5 Table 6.2-1 written by DicomWriter and read back by DicomReader. */
class VrRoundTripTest {
  private static final int BASE = 0x00091000; // private (0009,10xx): the VR is the writer's

  /** One value per VR; odd-length where padding applies. */
  static Map<VR, byte[]> samples() {
    Map<VR, byte[]> m = new LinkedHashMap<>();
    for (VR vr : VR.values()) {
      if (vr == VR.SQ) {
        continue;
      }
      byte[] v =
          switch (vr.kind()) {
            case TEXT, CHARSET_TEXT -> text(vr).getBytes(StandardCharsets.US_ASCII);
            case BINARY -> binary(vr.unitSize());
            default -> binary(vr == VR.OB || vr == VR.UN ? 7 : vr.unitSize() * 3);
          };
      m.put(vr, v);
    }
    return m;
  }

  private static String text(VR vr) {
    return switch (vr) {
          case AE -> "STORESCP";
          case AS -> "045Y";
          case CS -> "ORIGINAL\\PRIMARY";
          case DA -> "20220921";
          case DS -> "-1024.5";
          case DT -> "20220921101112.5";
          case IS -> "123";
          case TM -> "101112";
          case UI -> "1.2.840.10008.5.1.4.1.1.2"; // 25 characters: padded with NUL
          case UR -> "http://example.org/x";
          default -> "Odd text x"; // 10 or with the VR name odd below
        }
        + (vr == VR.LO || vr == VR.SH || vr == VR.PN || vr == VR.ST ? "!" : "");
  }

  private static byte[] binary(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (0x81 + 17 * i);
    }
    return b;
  }

  @Test
  void everyVrSurvivesInEveryNativeSyntax() throws Exception {
    Map<VR, byte[]> samples = samples();
    for (TransferSyntax ts :
        new TransferSyntax[] {
          TransferSyntax.EXPLICIT_LE, TransferSyntax.EXPLICIT_BE, TransferSyntax.DEFLATED_LE
        }) {
      byte[] file =
          Codec.part10(
              ts,
              w -> {
                int i = 0;
                for (Map.Entry<VR, byte[]> e : samples.entrySet()) {
                  w.writeElement(BASE + i++, e.getKey(), e.getValue());
                }
              });
      try (DicomReader r = Codec.open(file)) {
        int i = 0;
        for (Map.Entry<VR, byte[]> e : samples.entrySet()) {
          assertEquals(DicomReader.Event.ELEMENT, r.next());
          assertEquals(BASE + i++, r.tag());
          assertEquals(e.getKey(), r.vr(), "VR in " + ts.uid());
          byte[] expected = Values.pad(e.getValue(), e.getKey());
          assertArrayEquals(expected, r.readValue(), e.getKey() + " in " + ts.uid());
        }
        assertEquals(DicomReader.Event.END, r.next());
      }
    }
  }

  @Test
  void oddStringsArePaddedWithSpaceAndUidsWithNul() throws Exception {
    byte[] file =
        Codec.part10(
            TransferSyntax.EXPLICIT_LE,
            w -> {
              w.writeElement(
                  Tags.SOPInstanceUID, VR.UI, "1.2.3".getBytes(StandardCharsets.US_ASCII));
              w.writeElement(Tags.PatientName, VR.PN, "ABC".getBytes(StandardCharsets.US_ASCII));
              w.writeElement(0x00091010, VR.OB, new byte[] {1, 2, 3});
            });
    try (DicomReader r = Codec.open(file)) {
      r.next();
      assertArrayEquals("1.2.3\0".getBytes(StandardCharsets.US_ASCII), r.readValue());
      r.next();
      assertArrayEquals("ABC ".getBytes(StandardCharsets.US_ASCII), r.readValue());
      r.next();
      assertArrayEquals(new byte[] {1, 2, 3, 0}, r.readValue());
    }
  }

  @Test
  void longShortHeaderValueIsWrittenAsUn() throws Exception {
    byte[] big = new byte[70_001];
    Arrays.fill(big, (byte) 'A');
    byte[] file =
        Codec.part10(TransferSyntax.EXPLICIT_LE, w -> w.writeElement(0x00091010, VR.LO, big));
    try (DicomReader r = Codec.open(file)) {
      r.next();
      assertEquals(VR.UN, r.vr());
      assertEquals(70_002, r.readValue().length);
    }
  }

  @Test
  void koreanPatientNameInIso2022Ir149() throws Exception {
    String name = "Hong^Gildong=洪^吉洞=홍^길동";
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
    byte[] file =
        Codec.part10(
            TransferSyntax.EXPLICIT_LE,
            w -> {
              w.writeElement(
                  Tags.SpecificCharacterSet,
                  VR.CS,
                  "\\ISO 2022 IR 149".getBytes(StandardCharsets.US_ASCII));
              w.writeElement(Tags.PatientName, VR.PN, cs.encode(name, VR.PN));
            });
    try (DicomReader r = Codec.open(file)) {
      r.next();
      SpecificCharacterSet read =
          SpecificCharacterSet.of(Values.strings(r.readValue()).toArray(String[]::new));
      r.next();
      byte[] value = r.readValue();
      // PS3.5 I.2: the ideographic group starts with ESC $ ) C (KS X 1001 in G1).
      assertEquals(0x1b, value[13]);
      assertEquals(name, read.decode(value, VR.PN).stripTrailing());
    }
  }
}
