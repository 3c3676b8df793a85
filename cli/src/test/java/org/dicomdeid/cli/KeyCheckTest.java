package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.rules.Keyed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rerun with another key, or without the key, beside an existing mapping is refused. */
class KeyCheckTest {
  @TempDir Path dir;

  @Test
  void aWrongOrMissingKeyIsRefusedNamingTheFingerprintNotTheKey() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("notes.txt"), "not DICOM"); // an input with no file is refused
    CliRuns.Result first = CliRuns.main(Runs.args(dir, in.toString()));
    assertEquals(0, first.status(), first.err());
    Path key = dir.resolve("phi/secret.key");
    String fingerprint =
        new Keyed(HexFormat.of().parseHex(Files.readString(key).trim())).fingerprint();
    assertEquals(
        fingerprint, Files.readString(dir.resolve("phi/mapping.csv.key-fingerprint")).trim());
    assertEquals(fingerprint, Files.readString(dir.resolve("deid.key-fingerprint")).trim());
    CliRuns.Result again = CliRuns.main(Runs.args(dir, in.toString()));
    assertEquals(0, again.status(), again.err());

    Path other = dir.resolve("other.key");
    Files.writeString(other, "00".repeat(32) + "\n");
    String[] args = Runs.args(dir, in.toString());
    for (int i = 0; i < args.length; i++) {
      args[i] = args[i].startsWith("--secretKeyFile=") ? "--secretKeyFile=" + other : args[i];
    }
    CliRuns.Result wrong = CliRuns.main(args);
    System.out.println("wrong key: " + wrong.err().strip());
    assertEquals(2, wrong.status(), wrong.err());
    assertTrue(wrong.err().contains("key fingerprint " + fingerprint), wrong.err());
    assertFalse(wrong.err().contains("00".repeat(16)), "the key itself is never printed");

    Files.delete(key);
    CliRuns.Result missing = CliRuns.main(Runs.args(dir, in.toString()));
    System.out.println("missing key: " + missing.err().strip());
    assertEquals(2, missing.status(), missing.err());
    assertTrue(missing.err().contains("made with key fingerprint " + fingerprint), missing.err());
    assertFalse(Files.exists(key), "no new key is created silently");
  }
}
