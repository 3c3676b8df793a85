package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequences and items of defined and undefined length, PS3.5 7.5, and UN sequences, 6.2.2. */
class SequenceParsingTest {
  private static final int REF_IMAGE_SEQ = 0x00081140;
  private static final int REF_SOP_CLASS = 0x00081150;
  private static final int REF_SOP_INSTANCE = 0x00081155;

  private static byte[] explicitLe(byte[] dataSet) throws Exception {
    return Codec.part10(TransferSyntax.EXPLICIT_LE, w -> w.valueStream().write(dataSet));
  }

  /** Item content: two UI elements of 4 bytes each, 24 bytes in explicit VR LE. */
  private static byte[] itemContent() {
    return new RawBytes()
        .explicit(REF_SOP_CLASS, VR.UI, 4)
        .ascii("1.2\0")
        .explicit(REF_SOP_INSTANCE, VR.UI, 4)
        .ascii("3.4\0")
        .toByteArray();
  }

  private static final List<String> ONE_ITEM =
      List.of(
          "1 SEQUENCE_START (0008,1140)",
          "2 ITEM_START (FFFE,E000)",
          "2 ELEMENT (0008,1150) UI 312e3200",
          "2 ELEMENT (0008,1155) UI 332e3400",
          "1 ITEM_END (0008,1140)",
          "0 SEQUENCE_END (0008,1140)",
          "0 ELEMENT (0010,0010) PN 414243 ".replace(" 414243 ", " 41424320"));

  @Test
  void definedLengthSequenceAndItem() throws Exception {
    byte[] item = itemContent();
    byte[] ds =
        new RawBytes()
            .explicit(REF_IMAGE_SEQ, VR.SQ, 8 + item.length)
            .implicit(Tags.Item, item.length)
            .bytes(item)
            .explicit(Tags.PatientName, VR.PN, 4)
            .ascii("ABC ")
            .toByteArray();
    assertEquals(ONE_ITEM, Codec.events(explicitLe(ds)));
  }

  @Test
  void definedSequenceWithUndefinedItemAndTheReverse() throws Exception {
    byte[] item = itemContent();
    byte[] a =
        new RawBytes()
            .explicit(REF_IMAGE_SEQ, VR.SQ, 8 + item.length + 8)
            .implicit(Tags.Item, RawBytes.UNDEFINED)
            .bytes(item)
            .implicit(Tags.ItemDelimitationItem, 0)
            .explicit(Tags.PatientName, VR.PN, 4)
            .ascii("ABC ")
            .toByteArray();
    assertEquals(ONE_ITEM, Codec.events(explicitLe(a)));
    byte[] b =
        new RawBytes()
            .explicit(REF_IMAGE_SEQ, VR.SQ, RawBytes.UNDEFINED)
            .implicit(Tags.Item, item.length)
            .bytes(item)
            .implicit(Tags.SequenceDelimitationItem, 0)
            .explicit(Tags.PatientName, VR.PN, 4)
            .ascii("ABC ")
            .toByteArray();
    assertEquals(ONE_ITEM, Codec.events(explicitLe(b)));
  }

  @Test
  void itemOverrunningItsSequenceIsRefused() throws Exception {
    byte[] item = itemContent();
    byte[] ds =
        new RawBytes()
            .explicit(REF_IMAGE_SEQ, VR.SQ, 8 + item.length - 4)
            .implicit(Tags.Item, item.length)
            .bytes(item)
            .toByteArray();
    byte[] file = explicitLe(ds);
    DicomParseException e = assertThrows(DicomParseException.class, () -> Codec.events(file));
    assertEquals(file.length - ds.length + 12, e.offset(), e.getMessage()); // the item header
  }

  @Test
  void unOfUndefinedLengthIsAnImplicitLittleEndianSequence() throws Exception {
    for (TransferSyntax ts :
        new TransferSyntax[] {TransferSyntax.EXPLICIT_LE, TransferSyntax.EXPLICIT_BE}) {
      // PS3.5 6.2.2: the value of a UN of undefined length is encoded as Implicit VR LE.
      byte[] content =
          new RawBytes()
              .implicit(Tags.Item, RawBytes.UNDEFINED)
              .implicit(REF_SOP_INSTANCE, 4)
              .ascii("3.4\0")
              .implicit(Tags.ItemDelimitationItem, 0)
              .implicit(Tags.SequenceDelimitationItem, 0)
              .toByteArray();
      byte[] file =
          Codec.part10(
              ts,
              w -> {
                w.valueStream(); // header of UN written by hand below, in the file's byte order
                w.startValue(REF_IMAGE_SEQ, VR.UN, 0xFFFFFFFFL - 1);
              });
      // Replace the length the writer wrote (FFFFFFFE) by undefined, then append the content.
      int at = file.length - 4;
      file[at] = (byte) 0xff;
      file[at + 1] = (byte) 0xff;
      file[at + 2] = (byte) 0xff;
      file[at + 3] = (byte) 0xff;
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(file);
      all.writeBytes(content);
      all.writeBytes(
          ts.bigEndian()
              ? new byte[] {0, 0x10, 0, 0x10, 'P', 'N', 0, 2, 'A', ' '}
              : new byte[] {0x10, 0, 0x10, 0, 'P', 'N', 2, 0, 'A', ' '});
      assertEquals(
          List.of(
              "1 SEQUENCE_START (0008,1140)",
              "2 ITEM_START (FFFE,E000)",
              "2 ELEMENT (0008,1155) UI 332e3400",
              "1 ITEM_END (0008,1140)",
              "0 SEQUENCE_END (0008,1140)",
              "0 ELEMENT (0010,0010) PN 4120"),
          Codec.events(all.toByteArray()),
          ts.uid());
    }
  }

  @Test
  void nestedFiveDeepWithAPrivateSequence() throws Exception {
    byte[] file =
        Codec.part10(
            TransferSyntax.IMPLICIT_LE,
            w -> {
              for (int i = 0; i < 5; i++) {
                w.startSequence(REF_IMAGE_SEQ);
                w.startItem();
                w.writeElement(
                    REF_SOP_INSTANCE, VR.UI, ("1." + i).getBytes(StandardCharsets.US_ASCII));
              }
              w.writeElement(0x00290010, VR.LO, "ACME PHI 1.0".getBytes(StandardCharsets.US_ASCII));
              w.startSequence(0x00291010);
              w.startItem();
              w.writeElement(0x00291011, VR.LO, "NESTED".getBytes(StandardCharsets.US_ASCII));
              w.endItem();
              w.endSequence();
              for (int i = 0; i < 5; i++) {
                w.endItem();
                w.endSequence();
              }
            });
    List<String> events = Codec.events(file);
    assertEquals("10 ELEMENT (0008,1155) UI 312e3400", events.get(14));
    assertEquals("10 ELEMENT (0029,0010) LO 41434d452050484920312e30", events.get(15));
    // In Implicit VR the private sequence is UN of undefined length: read as a sequence.
    assertEquals("11 SEQUENCE_START (0029,1010)", events.get(16));
    assertEquals("12 ELEMENT (0029,1011) UN 4e4553544544", events.get(18));
    assertEquals(31, events.size());
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    DicomCopy.copy(Codec.open(file), new DicomWriter(copy));
    assertArrayEquals(file, copy.toByteArray());
  }

  @Test
  void tenThousandDeepDoesNotOverflowTheStack() throws Exception {
    int depth = 10_000;
    byte[] file =
        Codec.part10(
            TransferSyntax.EXPLICIT_LE,
            w -> {
              for (int i = 0; i < depth; i++) {
                w.startSequence(REF_IMAGE_SEQ);
                w.startItem();
              }
              w.writeElement(REF_SOP_INSTANCE, VR.UI, "1.2".getBytes(StandardCharsets.US_ASCII));
              for (int i = 0; i < depth; i++) {
                w.endItem();
                w.endSequence();
              }
              w.writeElement(Tags.PixelData, VR.OB, new byte[] {1, 2});
            });
    int maxDepth = 0;
    try (DicomReader r = Codec.open(file)) {
      for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
        maxDepth = Math.max(maxDepth, r.depth());
      }
    }
    assertEquals(2 * depth, maxDepth);
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    DicomCopy.copy(Codec.open(file), new DicomWriter(copy));
    assertArrayEquals(file, copy.toByteArray());
    assertNull(TopLevelValues.read(Codec.open(file)).get(Tags.PatientID));
  }
}
