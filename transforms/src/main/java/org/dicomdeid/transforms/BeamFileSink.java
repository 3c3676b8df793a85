package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Files on any filesystem Beam knows ({@link FileSystems}): a shared mount or an object store on a
 * cluster, where the file must land at the path the user gave, not on the local disk of whichever
 * worker ran the step. Owner-only applies to a local path only (object stores have no POSIX
 * permissions).
 */
final class BeamFileSink implements FileSink {
  static final BeamFileSink INSTANCE = new BeamFileSink();

  private BeamFileSink() {}

  @Override
  public WritableByteChannel create(ResourceId file, boolean ownerOnly) throws IOException {
    if (ownerOnly && "file".equals(file.getScheme())) {
      // created 0600 before Beam opens it, so no byte is ever readable by others
      LocalFileSink.createOwnerOnly(Path.of(file.toString()));
    }
    return FileSystems.create(file, MimeTypes.BINARY);
  }

  @Override
  public ReadableByteChannel open(ResourceId file) throws IOException {
    return FileSystems.open(file);
  }

  @Override
  public long size(ResourceId file) throws IOException {
    MatchResult m = FileSystems.match(file.toString());
    return m.status() != MatchResult.Status.OK || m.metadata().isEmpty()
        ? -1
        : m.metadata().get(0).sizeBytes();
  }

  @Override
  public void rename(ResourceId from, ResourceId to) throws IOException {
    FileSystems.rename(List.of(from), List.of(to));
  }

  @Override
  public void delete(Collection<ResourceId> files) throws IOException {
    if (!files.isEmpty()) {
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
