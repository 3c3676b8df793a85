package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One data set in each transfer syntax (PS3.5 A.1 to A.5): written, read, copied. */
class TransferSyntaxRoundTripTest {
  private static final byte[] PIXELS = new byte[4 * 4 * 2];

  static {
    for (int i = 0; i < PIXELS.length; i++) {
      PIXELS[i] = (byte) (i * 7 + 1);
    }
  }

  static byte[] write(TransferSyntax ts) throws Exception {
    return Codec.part10(
        ts,
        w -> {
          w.writeElement(
              Tags.SOPInstanceUID, VR.UI, "1.2.3.4.5".getBytes(StandardCharsets.US_ASCII));
          w.writeElement(Tags.Modality, VR.CS, "CT".getBytes(StandardCharsets.US_ASCII));
          w.startSequence(0x00081140); // ReferencedImageSequence
          w.startItem();
          w.writeElement(0x00081155, VR.UI, "1.2.3.4.6".getBytes(StandardCharsets.US_ASCII));
          w.endItem();
          w.endSequence();
          w.writeElement(0x00280010, VR.US, u16(512, ts.bigEndian())); // Rows
          w.writeElement(0x00280030, VR.DS, "0.5\\0.5".getBytes(StandardCharsets.US_ASCII));
          if (ts.encapsulated()) {
            w.startFragments(Tags.PixelData, VR.OB);
            w.startFragment(0);
            w.endValue();
            w.startFragment(3).write(new byte[] {9, 8, 7});
            w.endValue();
            w.startFragment(PIXELS.length).write(PIXELS);
            w.endValue();
            w.endFragments();
          } else {
            w.writeElement(Tags.PixelData, VR.OW, PIXELS);
          }
        });
  }

  static byte[] u16(int v, boolean bigEndian) {
    return bigEndian ? new byte[] {(byte) (v >> 8), (byte) v} : Codec.le16(v);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
        TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
        TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
        "1.2.840.10008.1.2.5",
        TransferSyntax.ENCAPSULATED_UNCOMPRESSED
      })
  void writesReadsAndCopies(String uid) throws Exception {
    TransferSyntax ts = TransferSyntax.of(uid);
    byte[] file = write(ts);
    List<String> events = Codec.events(file);
    try (DicomReader r = Codec.open(file)) {
      assertEquals(uid, r.fileMeta().transferSyntaxUid());
      assertEquals(ts, r.transferSyntax());
      int rows = -1;
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        if (e == DicomReader.Event.ELEMENT && r.tag() == 0x00280010) {
          assertEquals(VR.US, r.vr());
          rows = Values.u16(r.readValue(), 0, ts.bigEndian());
        }
      }
      assertEquals(512, rows);
    }
    String last = events.get(events.size() - 1);
    if (ts.encapsulated()) {
      assertEquals(
          List.of(
              "1 FRAGMENTS_START (7FE0,0010)",
              "1 FRAGMENT (7FE0,0010) ",
              "1 FRAGMENT (7FE0,0010) 09080700",
              "1 FRAGMENT (7FE0,0010) " + HexFormat.of().formatHex(PIXELS),
              "0 FRAGMENTS_END (7FE0,0010)"),
          events.subList(events.size() - 5, events.size()));
    } else {
      // Implicit VR has no VR on the wire; PS3.5 A.1 makes Pixel Data OW there.
      assertEquals("0 ELEMENT (7FE0,0010) OW " + HexFormat.of().formatHex(PIXELS), last);
    }
    // depth() counts the frame an event opens; ITEM_START reports the item tag itself.
    assertEquals(
        List.of(
            "1 SEQUENCE_START (0008,1140)",
            "2 ITEM_START (FFFE,E000)",
            "2 ELEMENT (0008,1155) UI 312e322e332e342e3600",
            "1 ITEM_END (0008,1140)",
            "0 SEQUENCE_END (0008,1140)"),
        events.subList(2, 7));

    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    try (DicomReader r = Codec.open(file)) {
      DicomCopy.copy(r, new DicomWriter(copy));
    }
    assertArrayEquals(file, copy.toByteArray(), "DicomCopy changed the bytes of " + uid);
  }
}
