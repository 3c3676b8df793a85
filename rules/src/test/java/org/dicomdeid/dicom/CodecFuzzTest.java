package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dicomdeid.rules.DeidConfig;
import org.dicomdeid.rules.Deidentifier;
import org.dicomdeid.rules.HeaderFacts;
import org.dicomdeid.rules.KnownIdentifierException;
import org.dicomdeid.rules.Subject;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real files (bit flips, truncations, length fields rewritten, bytes inserted
 * and deleted) through the reader, the header reader and the de-identification engine. The only
 * failure allowed is {@link DicomParseException}: no other exception, no hang (each case has a time
 * bound), no OutOfMemoryError or StackOverflowError.
 *
 * <p>CI runs {@value #DEFAULT_CASES} cases with seed {@value #DEFAULT_SEED}. A longer run: {@code
 * mvn -B -pl dicom test -Dtest=CodecFuzzTest -Dfuzz.cases=200000 -Dfuzz.seed=7}.
 */
class CodecFuzzTest {
  static final int DEFAULT_CASES = 30000;
  static final long DEFAULT_SEED = 20261125L;
  private static final long CASE_TIMEOUT_MS = 10_000;

  @Test
  void mutatedFilesFailOnlyWithTheTypedException() throws Exception {
    int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    List<byte[]> corpus = corpus();
    Random random = new Random(seed);
    Deidentifier engine =
        new Deidentifier(DeidConfig.of(new byte[32], DeidConfig.defaultOptions()));
    Subject subject = new Subject("SUBJ000001", "FUZZMRN", "20200101");
    ExecutorService pool =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fuzz-case");
              t.setDaemon(true);
              return t;
            });
    int parsed = 0;
    int refused = 0;
    try {
      for (int i = 0; i < cases; i++) {
        byte[] original = corpus.get(random.nextInt(corpus.size()));
        byte[] mutated = mutate(original, random);
        String what = "case " + i + " (seed " + seed + ", " + mutated.length + " bytes)";
        Future<Boolean> f = pool.submit(() -> runCase(mutated, engine, subject));
        try {
          if (f.get(CASE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            parsed++;
          } else {
            refused++;
          }
        } catch (TimeoutException e) {
          f.cancel(true);
          fail(what + " did not finish within " + CASE_TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          throw new AssertionError(what + " failed with " + c, c);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println(
        "fuzz: "
            + cases
            + " cases, "
            + parsed
            + " parsed, "
            + refused
            + " refused (DicomParseException or the last check)");
    assertTrue(refused > 0 && parsed > 0, "mutations should give both outcomes");
  }

  /** True if every stage accepted the input, false if it was refused with the typed exception. */
  private static boolean runCase(byte[] data, Deidentifier engine, Subject subject)
      throws IOException {
    try {
      DicomCopy.copy(
          DicomReader.open(new ByteArrayInputStream(data), data.length),
          new DicomWriter(OutputStream.nullOutputStream()));
      HeaderFacts.read(new ByteArrayInputStream(data), data.length);
      engine.deidentify(
          () -> new ByteArrayInputStream(data),
          data.length,
          OutputStream.nullOutputStream(),
          subject);
      return true;
    } catch (DicomParseException | KnownIdentifierException expected) {
      return false; // a mutated name may also surface where the last check refuses it
    }
  }

  static byte[] mutate(byte[] in, Random r) {
    byte[] b = in.clone();
    int n = 1 + r.nextInt(4);
    for (int k = 0; k < n && b.length > 8; k++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(6)) {
        case 0: // bit flip
          b[at] ^= (byte) (1 << r.nextInt(8));
          break;
        case 1: // truncate
          b = Arrays.copyOf(b, at);
          break;
        case 2: // a 32-bit length field rewritten: huge, undefined or off by a little
          long[] values = {0xFFFFFFFFL, 0xC0000000L, 0x7FFFFFFFL, r.nextInt(1 << 16), 0, 1};
          writeLe32(b, Math.min(at, b.length - 4), values[r.nextInt(values.length)]);
          break;
        case 3: // a 16-bit length field rewritten
          int v = r.nextBoolean() ? 0xFFFF : r.nextInt(1 << 16);
          int p = Math.min(at, b.length - 2);
          b[p] = (byte) v;
          b[p + 1] = (byte) (v >> 8);
          break;
        case 4: // bytes inserted
          byte[] extra = new byte[1 + r.nextInt(16)];
          r.nextBytes(extra);
          b = splice(b, at, extra, 0);
          break;
        default: // bytes deleted
          b = splice(b, at, new byte[0], Math.min(1 + r.nextInt(16), b.length - at));
      }
    }
    return b;
  }

  private static void writeLe32(byte[] b, int at, long v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >> (8 * i));
    }
  }

  private static byte[] splice(byte[] b, int at, byte[] insert, int delete) {
    byte[] out = new byte[b.length - delete + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + delete, out, at + insert.length, b.length - at - delete);
    return out;
  }

  /** The smaller pydicom test files (fast cases; every transfer syntax family is among them). */
  private static List<byte[]> corpus() throws IOException {
    Path data = ExternalTools.pydicomData();
    List<byte[]> out = new ArrayList<>();
    for (String dir : List.of("test_files", "charset_files")) {
      try (Stream<Path> s = Files.list(data.resolve(dir))) {
        for (Path p :
            s.filter(f -> f.toString().endsWith(".dcm")).sorted().collect(Collectors.toList())) {
          if (Files.size(p) <= 200_000) {
            out.add(Files.readAllBytes(p));
          }
        }
      }
    }
    return out;
  }
}
