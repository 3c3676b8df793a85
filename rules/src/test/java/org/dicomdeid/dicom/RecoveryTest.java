package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dicomdeid.rules.DeidConfig;
import org.dicomdeid.rules.Deidentifier;
import org.dicomdeid.rules.ProfileOption;
import org.dicomdeid.rules.Subject;
import org.junit.jupiter.api.Test;

/**
 * Defects that dcm4che and pydicom read through are read through here too, and each is said ({@link
 * DicomReader#recoveries()}, which the report's row shows); what the engine writes from such a file
 * is well formed (read back with nothing to recover). What cannot be recovered safely still fails.
 */
class RecoveryTest {
  private static final int CONTENT_SEQUENCE = 0x0040A730;
  private static final int RELATIONSHIP_TYPE = 0x0040A010;

  /** A Part 10 file: the identifiers, then {@code tail} as raw Explicit VR LE bytes. */
  private static byte[] file(RawBytes tail) throws IOException {
    byte[] head =
        Codec.part10(
            TransferSyntax.EXPLICIT_LE,
            w -> {
              w.writeElement(
                  Tags.SOPClassUID, VR.UI, Values.ascii("1.2.840.10008.5.1.4.1.1.88.11", VR.UI));
              w.writeElement(Tags.SOPInstanceUID, VR.UI, Values.ascii("1.2.3.4", VR.UI));
              w.writeElement(Tags.StudyDate, VR.DA, Values.ascii("20220921", VR.DA));
              w.writeElement(Tags.PatientID, VR.LO, Values.ascii("KU39009", VR.LO));
              w.writeElement(Tags.StudyInstanceUID, VR.UI, Values.ascii("1.2.3.1", VR.UI));
              w.writeElement(Tags.SeriesInstanceUID, VR.UI, Values.ascii("1.2.3.2", VR.UI));
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head);
    out.writeBytes(tail.toByteArray());
    return out.toByteArray();
  }

  private static RawBytes contains(RawBytes b) {
    return b.explicit(RELATIONSHIP_TYPE, VR.CS, 8).ascii("CONTAINS");
  }

  private static List<String> readAll(byte[] f) throws IOException {
    DicomReader r = DicomReader.open(new ByteArrayInputStream(f), f.length);
    Codec.readAll(r);
    return r.recoveries();
  }

  /** De-identifies f; returns the engine's recoveries, and checks the output needs none. */
  private static List<String> deidentify(byte[] f) throws IOException {
    Deidentifier engine =
        new Deidentifier(DeidConfig.of(new byte[32], Set.of(ProfileOption.RETAIN_LONG_FULL_DATES)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> recovered =
        engine.deidentify(
            () -> new ByteArrayInputStream(f),
            f.length,
            out,
            new Subject("SUBJ000001", "KU39009", "20220921"));
    assertEquals(List.of(), readAll(out.toByteArray()), "the output is well formed");
    return recovered;
  }

  @Test
  void aWellFormedFileHasNothingToRecover() throws IOException {
    byte[] f =
        file(
            contains(
                    new RawBytes()
                        .explicit(CONTENT_SEQUENCE, VR.SQ, RawBytes.UNDEFINED)
                        .implicit(Tags.Item, RawBytes.UNDEFINED))
                .implicit(Tags.ItemDelimitationItem, 0)
                .implicit(Tags.SequenceDelimitationItem, 0));
    assertEquals(List.of(), readAll(f));
    assertEquals(List.of(), deidentify(f));
  }

  @Test
  void missingDelimitersAtTheEndOfTheFileAreClosed() throws IOException {
    byte[] f =
        file(
            contains(
                new RawBytes()
                    .explicit(CONTENT_SEQUENCE, VR.SQ, RawBytes.UNDEFINED)
                    .implicit(Tags.Item, RawBytes.UNDEFINED)));
    List<String> expected =
        List.of(
            "sequence or item delimiter missing at the end of the file:"
                + " closed there (2 times)");
    assertEquals(expected, readAll(f));
    assertEquals(expected, deidentify(f));
  }

  @Test
  void aFileCutInsideADefinedLengthItemStillFails() throws IOException {
    byte[] f =
        file(
            contains(
                new RawBytes()
                    .explicit(CONTENT_SEQUENCE, VR.SQ, RawBytes.UNDEFINED)
                    .implicit(Tags.Item, 100)));
    assertThrows(DicomParseException.class, () -> readAll(f));
  }

  @Test
  void aSequenceDeclaredWithAnotherVrIsReadAsTheDictionarySays() throws IOException {
    byte[] undefined =
        file(
            contains(
                    new RawBytes()
                        .explicit(CONTENT_SEQUENCE, VR.UT, RawBytes.UNDEFINED)
                        .implicit(Tags.Item, RawBytes.UNDEFINED))
                .implicit(Tags.ItemDelimitationItem, 0)
                .implicit(Tags.SequenceDelimitationItem, 0));
    assertEquals(
        List.of("VR UT declared for sequence (0040,A730): read as SQ"), readAll(undefined));
    byte[] defined =
        file(
            contains(new RawBytes().explicit(CONTENT_SEQUENCE, VR.OB, 24).implicit(Tags.Item, 16)));
    List<String> events = new ArrayList<>();
    DicomReader r = DicomReader.open(new ByteArrayInputStream(defined), defined.length);
    for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
      events.add(e.name());
    }
    assertTrue(events.contains("ITEM_START"), events.toString());
    assertEquals(List.of("VR OB declared for sequence (0040,A730): read as SQ"), r.recoveries());
    assertEquals(r.recoveries(), deidentify(defined));
  }

  @Test
  void oddLengthsAndLyingGroupLengthsAreSaid() throws IOException {
    byte[] f =
        file(
            new RawBytes()
                .explicit(0x00400000, VR.UL, 4)
                .bytes(Codec.le32(999))
                .explicit(0x00400254, VR.LO, 5)
                .ascii("CHEST"));
    // the meta group length claims two bytes more than the group holds
    int at = 132 + 8;
    f[at] = (byte) (f[at] + 2);
    assertEquals(
        List.of(
            "file meta group length (0002,0000) disagrees with the group: read"
                + " element by element",
            "odd value length of (0040,0254): padded",
            "group length (0040,0000) disagrees with its group: ignored"),
        readAll(f));
    assertEquals(3, deidentify(f).size());
  }
}
