package org.dicomdeid.sample.bench;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dicomdeid.dicom.DicomCopy;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TopLevelValues;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;

/**
 * Codec benchmark, not a test (see sample/BENCHMARK.md): header-only parse time per file, DicomCopy
 * rewrite throughput beside Files.copy of the same files, and the rewrite of one file of at least
 * 500 MB in a child JVM limited to 64 MB of heap. Arguments: [slices] [large file MB] [work dir].
 */
public final class CodecBenchmark {
  private static final double MB = 1024.0 * 1024.0;

  private CodecBenchmark() {}

  public static void main(String[] args) throws Exception {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int largeMb = args.length > 1 ? Integer.parseInt(args[1]) : 512;
    Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("codec-bench");
    try {
      run(work, slices, largeMb);
    } finally {
      deleteTree(work);
    }
  }

  private static void run(Path work, int slices, int largeMb) throws Exception {
    int series = 5;
    int perSeries = Math.max(1, (slices + series - 1) / series);
    CohortManifest m =
        CohortGenerator.generate(
            work.resolve("ct"),
            new CohortSpec(4242, 1, 1, series, perSeries, 512, 512, false, false));
    List<Path> files = m.readableFiles().stream().map(GeneratedFile::path).toList();
    Path large = work.resolve("multiframe.dcm");
    writeMultiFrame(large, largeMb);
    long ctBytes = 0;
    for (Path p : files) {
      ctBytes += Files.size(p);
    }
    System.out.printf(
        "java %s, %d CPUs, max heap %d MB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        "input: %d CT slices 512x512x16 (%.1f MB, 5 transfer syntaxes), "
            + "1 multi-frame file %.1f MB%n%n",
        files.size(), ctBytes / MB, Files.size(large) / MB);

    headerOnly(files, large);
    Path out = work.resolve("out");
    System.out.println();
    System.out.println("rewrite, CT slices (second of two passes, page cache warm):");
    for (int pass = 0; pass < 2; pass++) {
      long copy = timeFilesCopy(files, out);
      long rewrite = timeRewrite(files, out);
      if (pass == 1) {
        report("Files.copy", ctBytes, copy);
        report("DicomCopy (reader->writer)", ctBytes, rewrite);
      }
    }
    byTransferSyntax(m, out);
    System.out.println();
    System.out.println("rewrite, multi-frame file:");
    long big = Files.size(large);
    report("Files.copy", big, timeFilesCopy(List.of(large), out));
    report("DicomCopy (reader->writer)", big, timeRewrite(List.of(large), out));
    deleteTree(out);
    childJvm(large, work.resolve("child-out.dcm"));
  }

  private static void headerOnly(List<Path> files, Path large) throws IOException {
    for (Path p : files) { // warm up the JIT
      header(p);
    }
    long[] nanos = new long[files.size()];
    for (int i = 0; i < nanos.length; i++) {
      long t0 = System.nanoTime();
      header(files.get(i));
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    long sum = Arrays.stream(nanos).sum();
    System.out.printf(
        "header-only parse (HeaderReader), %d slices: mean %.1f us, median %.1f us,"
            + " p95 %.1f us per file%n",
        nanos.length,
        sum / 1e3 / nanos.length,
        nanos[nanos.length / 2] / 1e3,
        nanos[(int) (nanos.length * 0.95)] / 1e3);
    long t0 = System.nanoTime();
    header(large);
    System.out.printf(
        "header-only parse of the %.0f MB multi-frame file: %.1f us%n",
        Files.size(large) / MB, (System.nanoTime() - t0) / 1e3);
  }

  private static void header(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      TopLevelValues.read(DicomReader.open(in, Files.size(p)));
    }
  }

  private static long timeFilesCopy(List<Path> files, Path out) throws IOException {
    deleteTree(out);
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    int i = 0;
    for (Path p : files) {
      Files.copy(p, out.resolve("f" + i++));
    }
    return System.nanoTime() - t0;
  }

  private static long timeRewrite(List<Path> files, Path out) throws IOException {
    deleteTree(out);
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    int i = 0;
    for (Path p : files) {
      rewrite(p, out.resolve("f" + i++));
    }
    return System.nanoTime() - t0;
  }

  static void rewrite(Path in, Path out) throws IOException {
    try (InputStream is = Files.newInputStream(in);
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      DicomCopy.copy(DicomReader.open(is, Files.size(in)), new DicomWriter(os));
    }
  }

  private static void byTransferSyntax(CohortManifest m, Path out) throws IOException {
    TreeMap<String, List<Path>> byTs = new TreeMap<>();
    for (GeneratedFile f : m.readableFiles()) {
      byTs.computeIfAbsent(f.transferSyntaxUid(), k -> new ArrayList<>()).add(f.path());
    }
    for (var e : byTs.entrySet()) {
      long bytes = 0;
      for (Path p : e.getValue()) {
        bytes += Files.size(p);
      }
      report("  DicomCopy, " + e.getKey(), bytes, timeRewrite(e.getValue(), out));
    }
  }

  private static void report(String what, long bytes, long nanos) {
    System.out.printf(
        "  %-42s %8.1f MB in %7.3f s = %7.1f MB/s%n",
        what, bytes / MB, nanos / 1e9, bytes / MB / (nanos / 1e9));
  }

  /** A multi-frame CT-like file, Explicit VR LE, Pixel Data streamed frame by frame. */
  static void writeMultiFrame(Path file, int megabytes) throws IOException {
    int frameBytes = 512 * 512 * 2;
    int frames = (int) Math.max(1, ((long) megabytes << 20) / frameBytes);
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2.1");
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, CohortGenerator.UID_ROOT + "777.1");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      DicomWriter w = new DicomWriter(os);
      w.writeFileMeta(meta, TransferSyntax.EXPLICIT_LE);
      w.writeElement(Tags.SOPClassUID, VR.UI, ascii("1.2.840.10008.5.1.4.1.1.2.1"));
      w.writeElement(Tags.SOPInstanceUID, VR.UI, ascii(CohortGenerator.UID_ROOT + "777.1"));
      w.writeElement(Tags.Modality, VR.CS, ascii("CT"));
      w.writeElement(Tags.PatientID, VR.LO, ascii("KU00777"));
      w.writeElement(0x00280008, VR.IS, ascii(Integer.toString(frames))); // NumberOfFrames
      w.writeElement(0x00280010, VR.US, new byte[] {0, 2}); // Rows 512
      w.writeElement(0x00280011, VR.US, new byte[] {0, 2}); // Columns 512
      w.writeElement(0x00280100, VR.US, new byte[] {16, 0}); // BitsAllocated
      OutputStream px = w.startValue(Tags.PixelData, VR.OW, (long) frames * frameBytes);
      byte[] frame = new byte[frameBytes];
      for (int f = 0; f < frames; f++) {
        Arrays.fill(frame, (byte) f);
        px.write(frame);
      }
      w.endValue();
      w.finish();
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Runs {@link RewriteOne} in a child JVM with -Xmx64m and prints what it reports. */
  private static void childJvm(Path large, Path out) throws Exception {
    String cp = location(CodecBenchmark.class) + File.pathSeparator + location(DicomCopy.class);
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m",
            "-cp",
            cp,
            RewriteOne.class.getName(),
            large.toString(),
            out.toString());
    System.out.println();
    System.out.println("child JVM: java -Xmx64m ... " + RewriteOne.class.getSimpleName());
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    int code = p.waitFor();
    System.out.println("  child exit code " + code + (code == 0 ? " (completed)" : " (FAILED)"));
    Files.deleteIfExists(out);
    if (code != 0) {
      System.exit(code);
    }
  }

  private static String location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The child: rewrites one file with DicomCopy and reports time and heap. */
  public static final class RewriteOne {
    private RewriteOne() {}

    public static void main(String[] args) throws IOException {
      Path in = Path.of(args[0]);
      long t0 = System.nanoTime();
      rewrite(in, Path.of(args[1]));
      long nanos = System.nanoTime() - t0;
      long size = Files.size(in);
      if (Files.size(Path.of(args[1])) != size) {
        throw new IllegalStateException("output size differs from input");
      }
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          "  rewrote %.1f MB in %.2f s = %.1f MB/s with max heap %d MB "
              + "(heap in use at end %d MB)%n",
          size / MB,
          nanos / 1e9,
          size / MB / (nanos / 1e9),
          rt.maxMemory() >> 20,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
  }
}
