package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.io.FileChannelInput;
import org.dicomdeid.dicom.io.FileChannelOutput;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bulk values copied file to file ({@link FileChannelInput} to a {@link FileChannelOutput}) give
 * the same bytes as the stream path, in every transfer syntax; a file that ends early is an error.
 */
class FileTransferTest {
  @TempDir Path dir;

  /** The pipeline's kind of output, counting what went file to file. */
  static final class CountingSink extends FileChannelOutput {
    long transferred;

    CountingSink(FileChannel channel) {
      super(channel);
    }

    @Override
    public long transferFrom(FileChannel src, long position, long count) throws IOException {
      long n = super.transferFrom(src, position, count);
      transferred += n;
      return n;
    }
  }

  private static byte[] input(TransferSyntax ts, int pixelBytes) throws IOException {
    byte[] pixels = new byte[pixelBytes];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 131 + (i >> 9));
    }
    return TestDataset.ct()
        .put("PatientName", "DOE^JANE")
        .put(Tags.PixelData, VR.OW, pixels)
        .file(ts);
  }

  private byte[] viaFiles(byte[] input, long claimedSize, long[] transferred) throws IOException {
    Path in = Files.write(dir.resolve("in.dcm"), input);
    Path out = dir.resolve("out.dcm");
    Files.deleteIfExists(out);
    Deidentifier engine =
        new Deidentifier(DeidConfig.of(DeidOutput.KEY, DeidConfig.defaultOptions()));
    try (FileChannel o =
        FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      CountingSink sink = new CountingSink(o);
      engine.deidentify(
          () -> new FileChannelInput(FileChannel.open(in)), claimedSize, sink, DeidOutput.SUBJECT);
      transferred[0] = sink.transferred;
    }
    return Files.readAllBytes(out);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.2.840.10008.1.2.1",
        "1.2.840.10008.1.2",
        "1.2.840.10008.1.2.2",
        "1.2.840.10008.1.2.1.99"
      })
  void fileToFileGivesTheStreamPathsBytes(String uid) throws IOException {
    byte[] input = input(TransferSyntax.of(uid), 1_000_000 + 1);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    new Deidentifier(DeidConfig.of(DeidOutput.KEY, DeidConfig.defaultOptions()))
        .deidentify(
            () -> new ByteArrayInputStream(input), input.length, expected, DeidOutput.SUBJECT);
    long[] transferred = new long[1];
    assertArrayEquals(expected.toByteArray(), viaFiles(input, input.length, transferred));
    if (TransferSyntax.of(uid).deflated()) {
      assertEquals(0, transferred[0], "a deflated data set is re-encoded, never transferred");
    } else {
      assertTrue(transferred[0] > 900_000, "Pixel Data went file to file: " + transferred[0]);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 300_000})
  void aFileThatEndsEarlyIsAParseError(int missing) throws IOException {
    byte[] whole = input(TransferSyntax.of("1.2.840.10008.1.2.1"), 1_000_000);
    byte[] cut = Arrays.copyOf(whole, whole.length - missing);
    // The header read saw the whole file; it shrank before the rewrite.
    DicomParseException e =
        assertThrows(DicomParseException.class, () -> viaFiles(cut, whole.length, new long[1]));
    assertTrue(e.getMessage().contains("unexpected end of data inside a value"), e.getMessage());
  }
}
