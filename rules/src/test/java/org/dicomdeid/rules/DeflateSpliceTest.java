package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.dicomdeid.dicom.ByteSearch;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.ExternalTools;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TestPixels;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.deflate.DataSetEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deflated files rewritten by deflating only their changed head (DeflateSplice) against the
 * reference, the same engine deflating the whole data set again: the same file meta, the same data
 * set once inflated, whatever encoder wrote the input; and where the splice does not apply
 * (something after Pixel Data changes, short Pixel Data) the reference's bytes exactly.
 */
class DeflateSpliceTest {
  @TempDir Path dir;

  private static final DeidConfig CONFIG =
      DeidConfig.of(DeidOutput.KEY, DeidConfig.defaultOptions());

  /** The engine that splices deflated files, or the reference that deflates them whole. */
  private static Deidentifier engine(boolean splice) {
    return new Deidentifier(
        CONFIG,
        SafePrivate.standard(),
        splice ? DataSetEncoder.splicing() : DataSetEncoder.whole(),
        true);
  }

  private static byte[] run(Deidentifier engine, byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.deidentify(() -> new ByteArrayInputStream(input), input.length, out, DeidOutput.SUBJECT);
    return out.toByteArray();
  }

  /** A deflated file whose data set zlib compressed again at {@code level}, {@code strategy}. */
  static byte[] deflatedBy(TestDataset ds, int level, int strategy) throws IOException {
    byte[] file = ds.file(TransferSyntax.DEFLATED_LE);
    int at = (int) DicomReader.open(new ByteArrayInputStream(file), file.length).dataSetOffset();
    byte[] data =
        new InflaterInputStream(
                new ByteArrayInputStream(file, at, file.length - at), new Inflater(true))
            .readAllBytes();
    Deflater d = new Deflater(level, true);
    d.setStrategy(strategy);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, at);
    byte[] buf = new byte[65536];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  /** The file meta group's bytes and the inflated data set of a deflated Part 10 file. */
  static byte[][] split(byte[] file) throws IOException {
    int at = (int) DicomReader.open(new ByteArrayInputStream(file), file.length).dataSetOffset();
    byte[] data =
        new InflaterInputStream(
                new ByteArrayInputStream(file, at, file.length - at), new Inflater(true))
            .readAllBytes();
    return new byte[][] {Arrays.copyOf(file, at), data};
  }

  private static TestDataset ct(int pixelBytes, int padding, long seed) {
    return TestDataset.ct()
        .put("PatientName", "DOE^JANE")
        .put("PatientID", "KU39009")
        .put("InstitutionName", "Korea Univ Hospital" + " ".repeat(padding))
        .put("StudyDescription", "CHEST CT " + "X".repeat(padding * 3))
        .put(Tags.PixelData, VR.OW, TestPixels.ctLike(pixelBytes, seed));
  }

  @ParameterizedTest(name = "zlib level {0} strategy {1}, header padding {2}")
  @CsvSource({
    "1,0,0", "1,0,1", "1,0,2", "1,0,3", "6,0,0", "6,0,5", "9,0,7", "9,1,4", "6,2,6", "0,0,0",
    "0,0,9", "1,0,40"
  })
  void splicedEqualsDeflatingTheWholeDataSetAgain(int level, int strategy, int padding)
      throws IOException {
    byte[] input = deflatedBy(ct(524_288, padding, padding * 7L + level), level, strategy);
    Deidentifier spliced = engine(true);
    byte[] out = run(spliced, input);
    byte[] reference = run(engine(false), input);
    assertEquals(1, spliced.splicedDeflatedFiles(), "the splice was taken");
    byte[][] a = split(out);
    byte[][] b = split(reference);
    assertArrayEquals(b[0], a[0], "preamble and file meta");
    assertArrayEquals(b[1], a[1], "the inflated data set");
    assertEquals("SUBJ0417_20220921", topLevelString(out, Tags.PatientName));
    assertFalse(ByteSearch.contains(a[1], "KU39009".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(ByteSearch.contains(a[1], "Korea Univ".getBytes(StandardCharsets.US_ASCII)));
    // Most of the output's compressed bytes are the input's, moved by the same bit count.
    assertTrue(
        Math.abs(out.length - input.length) < 64 * 1024,
        "output " + out.length + " bytes for an input of " + input.length);
  }

  private static String topLevelString(byte[] file, int tag) throws IOException {
    DicomReader r = DicomReader.open(new ByteArrayInputStream(file), file.length);
    for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
      if (e == DicomReader.Event.ELEMENT && r.depth() == 0 && r.tag() == tag) {
        return Values.string(r.readValue()).trim();
      }
      if (e == DicomReader.Event.ELEMENT) {
        r.skipValue();
      }
    }
    return null;
  }

  @Test
  void anElementAfterPixelDataThatChangesMeansTheWholeDataSetIsDeflatedAgain() throws IOException {
    int creator = 0x7FE10010;
    byte[] input =
        deflatedBy(
            ct(300_000, 0, 1)
                .put(creator, VR.LO, "ACME 1.0")
                .put(0x7FE11010, VR.LO, "KU39009 DOE^JANE"),
            6,
            0);
    Deidentifier spliced = engine(true);
    byte[] out = run(spliced, input);
    assertEquals(0, spliced.splicedDeflatedFiles());
    assertArrayEquals(run(engine(false), input), out);
    assertFalse(
        ByteSearch.contains(split(out)[1], "DOE^JANE".getBytes(StandardCharsets.US_ASCII)),
        "the private element after Pixel Data is removed");
  }

  @Test
  void pixelDataShorterThanTheWindowIsDeflatedWhole() throws IOException {
    byte[] input = deflatedBy(ct(30_000, 0, 2), 6, 0);
    Deidentifier spliced = engine(true);
    assertArrayEquals(run(engine(false), input), run(spliced, input));
    assertEquals(0, spliced.splicedDeflatedFiles());
  }

  @Test
  void bytesAfterTheDeflateStreamAreNotCopied() throws IOException {
    byte[] phi = "KU39009 trailing bytes after the stream".getBytes(StandardCharsets.US_ASCII);
    byte[] clean = deflatedBy(ct(524_288, 0, 3), 6, 0);
    byte[] input = Arrays.copyOf(clean, clean.length + phi.length);
    System.arraycopy(phi, 0, input, clean.length, phi.length);
    Deidentifier spliced = engine(true);
    byte[] out = run(spliced, input);
    assertEquals(1, spliced.splicedDeflatedFiles());
    assertFalse(ByteSearch.contains(out, phi), "the trailing bytes reached the output");
    assertArrayEquals(split(run(engine(false), clean))[1], split(out)[1]);
  }

  @Test
  void aTruncatedDeflatedFileIsStillRefused() throws IOException {
    byte[] input = deflatedBy(ct(524_288, 0, 4), 6, 0);
    for (int cut : new int[] {input.length - 1, input.length - 5000, input.length / 2}) {
      byte[] part = Arrays.copyOf(input, cut);
      assertThrows(DicomParseException.class, () -> run(engine(true), part), "cut at " + cut);
    }
  }

  @Test
  void dcmdumpReadsASplicedFileAndFindsThePixels() throws Exception {
    ExternalTools.requireDcmdump();
    byte[] pixels = TestPixels.ctLike(524_288, 11);
    byte[] input =
        deflatedBy(
            TestDataset.ct()
                .put("PatientName", "DOE^JANE")
                .put(TestDataset.tag("Rows"), VR.US, new byte[] {0, 2})
                .put(TestDataset.tag("Columns"), VR.US, new byte[] {0, 2})
                .put(TestDataset.tag("BitsAllocated"), VR.US, new byte[] {16, 0})
                .put(TestDataset.tag("BitsStored"), VR.US, new byte[] {16, 0})
                .put(TestDataset.tag("HighBit"), VR.US, new byte[] {15, 0})
                .put(TestDataset.tag("SamplesPerPixel"), VR.US, new byte[] {1, 0})
                .put(TestDataset.tag("PixelRepresentation"), VR.US, new byte[] {0, 0})
                .put("PhotometricInterpretation", "MONOCHROME2")
                .put(Tags.PixelData, VR.OW, pixels),
            9,
            0);
    Deidentifier spliced = engine(true);
    Path out = Files.write(dir.resolve("out.dcm"), run(spliced, input));
    assertEquals(1, spliced.splicedDeflatedFiles());
    ExternalTools.Result r =
        ExternalTools.run(List.of("dcmdump", "-q", "+W", dir.toString(), out.toString()));
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("SUBJ0417_20220921"), r.stdout());
    assertTrue(r.stdout().contains("DeflatedLittleEndianExplicit"), r.stdout());
    try (var files = Files.list(dir)) {
      Path raw =
          files
              .filter(p -> p.getFileName().toString().endsWith(".raw"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("dcmdump wrote no pixel file: " + r.stdout()));
      assertArrayEquals(pixels, Files.readAllBytes(raw));
    }
  }

  /** dcmtk's zlib settings and block layout, not ours: the splice must hold for any encoder. */
  @Test
  void aFileDeflatedByDcmtkIsSplicedAndGivesTheReferenceDataSet() throws Exception {
    ExternalTools.requireDcmdump();
    Path in =
        Files.write(
            dir.resolve("explicit.dcm"), ct(524_288, 3, 21).file(TransferSyntax.EXPLICIT_LE));
    Path deflated = dir.resolve("deflated.dcm");
    for (String level : new String[] {"1", "6", "9"}) { // zlib compression levels
      ExternalTools.Result r =
          ExternalTools.run(
              List.of("dcmconv", "+td", "+cl", level, in.toString(), deflated.toString()));
      assertEquals(0, r.exitCode(), r.stderr());
      byte[] input = Files.readAllBytes(deflated);
      assertEquals(
          TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
          DicomReader.open(new ByteArrayInputStream(input), input.length).transferSyntax().uid());
      Deidentifier spliced = engine(true);
      byte[][] a = split(run(spliced, input));
      byte[][] b = split(run(engine(false), input));
      assertEquals(1, spliced.splicedDeflatedFiles(), "dcmconv " + level);
      assertArrayEquals(b[0], a[0], "dcmconv " + level);
      assertArrayEquals(b[1], a[1], "dcmconv " + level);
    }
  }

  @Test
  void pydicomsDeflatedFileGivesTheReferenceDataSet() throws IOException {
    Path data = ExternalTools.pydicomData().resolve("test_files");
    for (String name : new String[] {"image_dfl.dcm"}) {
      Path f = data.resolve(name);
      if (!Files.exists(f)) {
        continue;
      }
      byte[] input = Files.readAllBytes(f);
      byte[][] a = split(run(engine(true), input));
      byte[][] b = split(run(engine(false), input));
      assertArrayEquals(b[0], a[0], name);
      assertArrayEquals(b[1], a[1], name);
    }
  }
}
