package org.dicomdeid.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.dicomdeid.rules.Keyed;

/**
 * The key must match the mapping and the output tree it made. When they are first written, the
 * key's fingerprint ({@link Keyed#fingerprint()}, a keyed hash: it reveals nothing of the key) is
 * recorded beside them, in {@code <mapping>.key-fingerprint} and {@code <output>.key-fingerprint};
 * a later run with another key, or without its key file while a mapping exists, is refused before
 * anything is read, instead of writing every study again under new UIDs.
 */
final class KeyCheck {
  static final String SUFFIX = ".key-fingerprint";

  private KeyCheck() {}

  /** Before the key is loaded: a missing key file beside an existing mapping is an error. */
  static void beforeLoading(Path keyFile, Path mapping, Path output) throws BadOptionsException {
    if (Files.exists(keyFile)) {
      return;
    }
    for (Path made : List.of(mapping, record(mapping), record(output))) {
      if (Files.exists(made)) {
        throw new BadOptionsException(
            "--secretKeyFile "
                + keyFile
                + " does not exist, but "
                + made
                + " does"
                + recorded(made)
                + ": give the key file the mapping was made"
                + " with (a new key would give every subject new UIDs and dates), or a new"
                + " --mappingCsv and --output");
      }
    }
  }

  /** After loading: the recorded fingerprints must be this key's; then they are recorded. */
  static void matchAndRecord(byte[] key, Path keyFile, Path mapping, Path output)
      throws BadOptionsException {
    String fingerprint = new Keyed(key).fingerprint();
    for (Path base : List.of(mapping, output)) {
      String was = read(record(base));
      if (was != null && !was.equals(fingerprint)) {
        throw new BadOptionsException(
            "--secretKeyFile "
                + keyFile
                + " (key fingerprint "
                + fingerprint
                + ") is not the key "
                + base
                + " was made with (key fingerprint "
                + was
                + ", recorded in "
                + record(base)
                + "): give that key file, or a new"
                + " --mappingCsv and --output");
      }
    }
    for (Path base : List.of(mapping, output)) {
      if (read(record(base)) == null) {
        write(record(base), fingerprint);
      }
    }
  }

  static Path record(Path base) {
    return base.resolveSibling(base.getFileName() + SUFFIX);
  }

  private static String recorded(Path made) throws BadOptionsException {
    String fp = read(made.getFileName().toString().endsWith(SUFFIX) ? made : record(made));
    return fp == null ? "" : " (made with key fingerprint " + fp + ")";
  }

  private static String read(Path file) throws BadOptionsException {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).trim() : null;
    } catch (IOException e) {
      throw new BadOptionsException(file + ": cannot read it: " + e.getClass().getSimpleName());
    }
  }

  private static void write(Path file, String fingerprint) throws BadOptionsException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp =
          Files.createTempFile(
              file.toAbsolutePath().getParent(),
              "." + file.getFileName(),
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, fingerprint + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BadOptionsException(file + ": cannot write it: " + e.getClass().getSimpleName());
    }
  }
}
