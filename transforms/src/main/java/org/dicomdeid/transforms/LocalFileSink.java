package org.dicomdeid.transforms;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Local files through java.nio. Beam's local filesystem writes through an 8 KB stream (a write call
 * per 8 KB), hides the file channel that bulk transfers need ({@link FileChannel} here), and its
 * match of a missing file walks the whole folder, once per write.
 */
final class LocalFileSink implements FileSink {
  static final LocalFileSink INSTANCE = new LocalFileSink();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<OpenOption> CREATE_NEW =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private LocalFileSink() {}

  private static Path path(ResourceId r) {
    return Path.of(r.toString());
  }

  /**
   * Most files go into a folder that exists already (a series' folder holds its files): the file is
   * opened first, and the folders are made only when that fails for want of them. Making them first
   * cost a mkdir, a stat and a thrown exception per file.
   */
  @Override
  public WritableByteChannel create(ResourceId file, boolean ownerOnly) throws IOException {
    Path p = path(file);
    try {
      return openNew(p, ownerOnly);
    } catch (NoSuchFileException noFolder) {
      Files.createDirectories(p.toAbsolutePath().getParent());
      return openNew(p, ownerOnly);
    }
  }

  private static FileChannel openNew(Path p, boolean ownerOnly) throws IOException {
    if (ownerOnly) {
      try {
        return FileChannel.open(p, CREATE_NEW, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (UnsupportedOperationException notPosix) {
        // no POSIX permissions on this filesystem: nothing to restrict
      }
    }
    return FileChannel.open(p, CREATE_NEW);
  }

  /** Creates an empty owner-only file, or restricts an existing one, where POSIX allows. */
  static void createOwnerOnly(Path p) throws IOException {
    Files.createDirectories(p.toAbsolutePath().getParent());
    try {
      if (Files.exists(p)) {
        Files.setPosixFilePermissions(p, OWNER_ONLY);
      } else {
        Files.createFile(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
    } catch (UnsupportedOperationException notPosix) {
      // as above
    }
  }

  @Override
  public ReadableByteChannel open(ResourceId file) throws IOException {
    return FileChannel.open(path(file), StandardOpenOption.READ);
  }

  /**
   * java.io.File asks the OS without an exception for a missing file (java.nio's lookup throws and
   * catches one), and a missing target is the common case.
   */
  @Override
  public long size(ResourceId file) {
    File f = new File(file.toString());
    return f.isFile() ? f.length() : -1;
  }

  @Override
  public void rename(ResourceId from, ResourceId to) throws IOException {
    Files.move(
        path(from), path(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete(Collection<ResourceId> files) throws IOException {
    for (ResourceId r : files) {
      Files.deleteIfExists(path(r));
    }
  }
}
