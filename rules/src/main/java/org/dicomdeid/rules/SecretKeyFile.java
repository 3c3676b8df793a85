package org.dicomdeid.rules;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The project's secret key: 32 random bytes as hex in a file created on first use with owner-only
 * permissions (0600). Losing it means new UIDs, subject numbers and date shifts on the next run;
 * anyone holding it with the mapping can re-identify: keep it with the mapping CSV.
 */
public final class SecretKeyFile {
  private SecretKeyFile() {}

  /** Result of loading: the key and a warning to show, or null. */
  public record Loaded(byte[] key, boolean created, String warning) {}

  public static Loaded loadOrCreate(Path file) throws IOException {
    boolean created = false;
    if (!Files.exists(file)) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // Written to a temporary owner-only file first and then moved into place, so a crash
      // can never leave an empty or partial key behind.
      Path tmp =
          Files.createTempFile(
              parent == null ? Path.of(".") : parent,
              ".deid-key-",
              ".tmp",
              PosixFilePermissions.asFileAttribute(
                  EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
      try {
        Files.writeString(
            tmp,
            HexFormat.of().formatHex(key) + "\n",
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.SYNC);
        Files.move(tmp, file); // fails if another process created the key meanwhile
        created = true;
      } catch (FileAlreadyExistsException raced) {
        // another process made it first: read theirs
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    byte[] key = parse(Files.readString(file), file.toString());
    return new Loaded(key, created, permissionWarning(file));
  }

  /** The key in a key file's text (hex, at least 16 bytes); {@code name} is for messages. */
  public static byte[] parse(String text, String name) throws IOException {
    byte[] key;
    try {
      key = HexFormat.of().parseHex(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IOException("secret key file " + name + " is not hex: expected 64 hex digits");
    }
    if (key.length < 16) {
      throw new IOException(
          "secret key file " + name + " holds " + key.length + " bytes; at least 16 are needed");
    }
    return key;
  }

  /** A warning if group or others may read the file, else null. */
  public static String permissionWarning(Path file) throws IOException {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      if (p.contains(PosixFilePermission.GROUP_READ)
          || p.contains(PosixFilePermission.OTHERS_READ)) {
        return "WARNING: "
            + file
            + " is readable by other users ("
            + PosixFilePermissions.toString(p)
            + "); run: chmod 600 "
            + file;
      }
    } catch (UnsupportedOperationException e) {
      return null;
    }
    return null;
  }
}
