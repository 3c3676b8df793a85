package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dicomdeid.dicom.DicomParseException.Kind;
import org.junit.jupiter.api.Test;

/**
 * Every refusal carries a kind, and "not DICOM" (skipped) versus "broken DICOM" (failed) is told by
 * the kind alone: on every input it agrees with the message rule that decided it before.
 */
class ParseProblemKindTest {

  /** The rule that told "not DICOM" by the words of the problem, before there were kinds. */
  private static boolean notDicomByWords(DicomParseException e) {
    return e.problem().startsWith("not DICOM") || e.problem().equals("empty file");
  }

  private static DicomParseException refusal(byte[] in, long size) {
    return assertThrows(
        DicomParseException.class,
        () -> Codec.readAll(DicomReader.open(new ByteArrayInputStream(in), size)));
  }

  @Test
  void inputsThatAreNotDicomAreOfKindNotDicom() {
    List<byte[]> inputs =
        List.of(
            new byte[0],
            "hi".getBytes(StandardCharsets.US_ASCII),
            "Export notes.\nNothing to see here.\n".getBytes(StandardCharsets.US_ASCII),
            "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
            new byte[128],
            new byte[300]);
    for (byte[] in : inputs) {
      DicomParseException e = refusal(in, in.length);
      assertEquals(Kind.NOT_DICOM, e.kind(), e.getMessage());
      assertTrue(notDicomByWords(e), e.getMessage());
    }
  }

  @Test
  void aFileCutShortIsTruncatedDicom() throws IOException {
    byte[] file =
        Codec.part10(
            TransferSyntax.EXPLICIT_LE,
            w -> {
              w.writeElement(Tags.PatientID, VR.LO, "KU00001".getBytes(StandardCharsets.US_ASCII));
              w.writeElement(Tags.PixelData, VR.OW, new byte[4096]);
            });
    byte[] cut = Arrays.copyOf(file, file.length - 100);
    for (long size : new long[] {cut.length, -1}) {
      DicomParseException e = refusal(cut, size);
      assertEquals(Kind.TRUNCATED, e.kind(), e.getMessage());
    }
  }

  @Test
  void pydicomFilesBrokenOnPurposeHaveTheirKinds() throws IOException {
    Path files = ExternalTools.pydicomData().resolve("test_files");
    Map<String, Kind> expected =
        Map.of(
            "MR_truncated.dcm",
            Kind.TRUNCATED,
            "rtplan_truncated.dcm",
            Kind.TRUNCATED,
            "no_meta.dcm",
            Kind.NOT_DICOM);
    for (Map.Entry<String, Kind> x : expected.entrySet()) {
      byte[] in = Files.readAllBytes(files.resolve(x.getKey()));
      DicomParseException e = refusal(in, in.length);
      assertEquals(x.getValue(), e.kind(), x.getKey() + ": " + e.getMessage());
    }
  }

  @Test
  void kindAgreesWithTheWordsOnEveryCutOfThePydicomCorpus() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(ExternalTools.pydicomData().resolve("test_files"))) {
      files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().collect(Collectors.toList());
    }
    Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
    for (Path p : files) {
      byte[] whole = Files.readAllBytes(p);
      int step = Math.max(1, whole.length / 40);
      for (int cut = 0; cut <= whole.length; cut += cut < 160 ? 1 : step) {
        byte[] part = Arrays.copyOf(whole, cut);
        for (long size : new long[] {part.length, -1}) {
          try {
            Codec.readAll(DicomReader.open(new ByteArrayInputStream(part), size));
            TopLevelValues.read(DicomReader.open(new ByteArrayInputStream(part), size));
          } catch (DicomParseException e) {
            assertNotNull(e.kind(), e.getMessage());
            assertEquals(
                notDicomByWords(e),
                e.kind() == Kind.NOT_DICOM,
                p.getFileName() + " cut at " + cut + ": " + e.kind() + " " + e.getMessage());
            seen.merge(e.kind(), 1, Integer::sum);
          }
        }
      }
    }
    assertTrue(seen.getOrDefault(Kind.NOT_DICOM, 0) > 0, seen.toString());
    assertTrue(seen.getOrDefault(Kind.TRUNCATED, 0) > 0, seen.toString());
  }
}
