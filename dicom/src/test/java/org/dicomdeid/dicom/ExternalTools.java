package org.dicomdeid.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the independent tools and files that some tests need: Debian's python3-pydicom test files
 * and dcmtk's dcmdump. In CI (CI=true) their absence fails the test, since .ci/run installs them;
 * elsewhere the test is skipped with a message saying what to install.
 */
public final class ExternalTools {
  public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

  private ExternalTools() {}

  public static Path pydicomData() {
    require(
        Files.isDirectory(PYDICOM_DATA.resolve("test_files")),
        "python3-pydicom test files not found at "
            + PYDICOM_DATA
            + ": install them with 'apt-get install python3-pydicom'");
    return PYDICOM_DATA;
  }

  public static void requireDcmdump() {
    require(
        Files.isExecutable(Path.of("/usr/bin/dcmdump")),
        "dcmtk's dcmdump not found: install it with 'apt-get install dcmtk'");
  }

  public static void requireDciodvfy() {
    require(
        Files.isExecutable(Path.of("/usr/bin/dciodvfy")),
        "dicom3tools' dciodvfy not found: install it with 'apt-get install dicom3tools'");
  }

  /** Skips the test when absent, fails it in CI (where .ci/run installs what it needs). */
  public static void require(boolean present, String message) {
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(message + " (required in CI; .ci/run installs it)");
    }
    assumeTrue(present, message);
  }

  /** Runs a command and returns its standard output; the exit code goes in result[1]. */
  public static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
    pb.redirectErrorStream(false);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] err;
    byte[] out;
    try (InputStream o = p.getInputStream();
        InputStream e = p.getErrorStream()) {
      out = o.readAllBytes();
      err = e.readAllBytes();
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.ISO_8859_1),
        new String(err, StandardCharsets.ISO_8859_1));
  }

  /** Exit code, standard output and standard error of a finished command. */
  public record Result(int exitCode, String stdout, String stderr) {}
}
