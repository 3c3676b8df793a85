package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.Collection;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The PHI-side files (mapping CSV, report and their temporary files): at the path the user gave, on
 * whatever filesystem it names ({@link FileSink#of}), not on the local disk of whichever worker ran
 * the step. Owner-only (0600) where the filesystem has POSIX permissions: a file is created 0600
 * before its first byte.
 */
public final class PhiFiles {
  private PhiFiles() {}

  public static ResourceId resource(String path) {
    return FileSystems.matchNewResource(path, false);
  }

  /**
   * A hidden temporary file beside {@code target}: {@code .<name>.<kind>.<random>.tmp}, a name
   * {@link StaleTemps#cleanBeside} removes if a killed run leaves it behind.
   */
  public static ResourceId tempBeside(ResourceId target, String kind) {
    return FileSink.tempBeside(target, kind);
  }

  /** Creates a new (temporary) file, owner-only where the filesystem knows permissions. */
  public static WritableByteChannel create(ResourceId file) throws IOException {
    return FileSink.of(file).create(file, true);
  }

  /** Moves a finished temporary file over the target (atomic where the filesystem can). */
  public static void replace(ResourceId temp, ResourceId target) throws IOException {
    FileSink.of(target).rename(temp, target);
  }

  /** Deletes files; missing ones are not an error. */
  public static void delete(Collection<ResourceId> files) throws IOException {
    if (!files.isEmpty()) {
      FileSink.of(files.iterator().next()).delete(files);
    }
  }
}
