package org.dicomdeid.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dicomdeid.rules.DeidConfig;
import org.dicomdeid.rules.Deidentifier;
import org.dicomdeid.rules.Subject;

/**
 * {@code RewriteOneFile <in> <out>}: one file through the Deidentifier, for a child JVM with a
 * small heap; prints the peak heap used.
 */
public final class RewriteOneFile {
  private RewriteOneFile() {}

  public static void main(String[] args) throws IOException {
    Path in = Path.of(args[0]);
    Deidentifier deid = new Deidentifier(DeidConfig.of(new byte[32], DeidConfig.defaultOptions()));
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])))) {
      deid.deidentify(
          () -> new BufferedInputStream(Files.newInputStream(in)),
          Files.size(in),
          out,
          new Subject("SUBJ000001", "KU1", "20200102"));
    }
    System.out.println(
        "rewritten, max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB; deflated files spliced: "
            + deid.splicedDeflatedFiles());
  }
}
