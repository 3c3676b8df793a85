package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Collection;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where the output tree ({@link OutputTree}) and the PHI-side files ({@link PhiFiles}) are written.
 * A file is created under a temporary name beside its target ({@link #tempBeside}), written, then
 * renamed over the target, so a file under its real name is always complete; the caller deletes the
 * temporary file if anything fails. {@link #of} picks {@link LocalFileSink} for local paths
 * (java.nio: file channels for bulk transfers, lookups without a folder walk) and {@link
 * BeamFileSink} for every other filesystem (a shared mount or an object store on a cluster).
 */
interface FileSink {
  /**
   * Creates a new file to write, and the folders above it; owner-only (0600) when asked, where the
   * filesystem has POSIX permissions, before its first byte is written.
   */
  WritableByteChannel create(ResourceId file, boolean ownerOnly) throws IOException;

  /** Opens a file to read. */
  ReadableByteChannel open(ResourceId file) throws IOException;

  /** The size of an existing file, or -1 when there is none. */
  long size(ResourceId file) throws IOException;

  /** Moves a finished file over the target, replacing it (atomic where the filesystem can). */
  void rename(ResourceId from, ResourceId to) throws IOException;

  /** Deletes files; missing ones are not an error. */
  void delete(Collection<ResourceId> files) throws IOException;

  /** The sink for a file or folder: local paths through java.nio, others through Beam. */
  static FileSink of(ResourceId resource) {
    return "file".equals(resource.getScheme()) ? LocalFileSink.INSTANCE : BeamFileSink.INSTANCE;
  }

  /**
   * A hidden temporary file beside {@code target}: {@code .<name>.<random>.tmp}, or {@code
   * .<name>.<kind>.<random>.tmp}; never ending in {@code .dcm}, and a name {@link StaleTemps}
   * removes if a killed run leaves it behind.
   */
  static ResourceId tempBeside(ResourceId target, String kind) {
    String name = target.getFilename() + (kind.isEmpty() ? "" : "." + kind);
    return target
        .getCurrentDirectory()
        .resolve(StaleTemps.tempName(name), StandardResolveOptions.RESOLVE_FILE);
  }
}
