package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The PHI-side files (mapping CSV, report and their temporary files) through Beam's
 * {@link FileSystems}: at the path the user gave, on whatever filesystem it names (a shared
 * mount or an object store on a cluster), not on the local disk of whichever worker ran the
 * step. Owner-only (0600) where the filesystem has POSIX permissions: a local file is created
 * 0600 before its first byte.
 */
public final class PhiFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private PhiFiles() {}

  public static ResourceId resource(String path) {
    return FileSystems.matchNewResource(path, false);
  }

  /**
   * A hidden temporary file beside {@code target}: {@code .<name>.<kind>.<random>.tmp}, a name
   * {@link StaleTemps#cleanBeside} removes if a killed run leaves it behind.
   */
  public static ResourceId tempBeside(ResourceId target, String kind) {
    String name = target.getFilename() + (kind.isEmpty() ? "" : "." + kind);
    return target.getCurrentDirectory().resolve(StaleTemps.tempName(name),
        org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
  }

  /** Creates (or truncates) a file, owner-only where the filesystem knows permissions. */
  public static WritableByteChannel create(ResourceId file) throws IOException {
    if ("file".equals(file.getScheme())) {
      Path p = Path.of(file.toString());
      Files.createDirectories(p.toAbsolutePath().getParent());
      try {
        FileAttribute<Set<PosixFilePermission>> attr =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Files.createFile(p, attr);
      } catch (FileAlreadyExistsException e) {
        restrict(p);
      } catch (UnsupportedOperationException notPosix) {
        // no POSIX permissions on this filesystem: nothing to restrict
      }
    }
    return FileSystems.create(file, MimeTypes.BINARY);
  }

  private static void restrict(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, OWNER_ONLY);
    } catch (UnsupportedOperationException notPosix) {
      // as above
    }
  }

  /** Moves a finished temporary file over the target (atomic where the filesystem can). */
  public static void replace(ResourceId temp, ResourceId target) throws IOException {
    FileSystems.rename(List.of(temp), List.of(target));
  }

  /** Deletes files; missing ones are not an error. */
  public static void delete(Collection<ResourceId> files) throws IOException {
    if (!files.isEmpty()) {
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
