package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.dicomdeid.dicom.io.ChannelSink;
import org.dicomdeid.dicom.io.FileChannelOutput;

/**
 * Writes one file of the de-identified tree on any Beam filesystem: to a temporary name beside
 * the target ({@code .<name>.<uuid>.tmp}, hidden, never ending in {@code .dcm}), then renamed over
 * it, so a file under its real name is always complete. An existing target with the same bytes is
 * left alone (mtime unchanged); one with other bytes is an {@link OutputExistsException} unless
 * overwriting. After a failure no temporary file is left behind; after a crash,
 * {@link StaleTemps#clean} removes them at the start of the next run. Paths here carry no PHI.
 */
final class OutputTree {
  /** An output file already exists with other bytes and overwriting was not asked for. */
  static final class OutputExistsException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputExistsException() {
      super(Reason.of(Reason.Kind.OUTPUT_EXISTS).text());
    }
  }

  /**
   * What a write did.
   *
   * @param bytes the file's size
   * @param unchanged true when an identical file was there already and was left alone
   */
  record Written(long bytes, boolean unchanged) {}

  /** Writes the bytes of one file to a stream. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final String root;
  private final boolean overwrite;

  OutputTree(String root, boolean overwrite) {
    this.root = root;
    this.overwrite = overwrite;
  }

  /** Writes {@code relative} (slash-separated): how many bytes, and whether it was unchanged. */
  Written write(String relative, Content content) throws IOException {
    String[] parts = relative.split("/");
    ResourceId dir = FileSystems.matchNewResource(root, true);
    for (int i = 0; i < parts.length - 1; i++) {
      dir = dir.resolve(parts[i], StandardResolveOptions.RESOLVE_DIRECTORY);
    }
    String name = parts[parts.length - 1];
    ResourceId target = dir.resolve(name, StandardResolveOptions.RESOLVE_FILE);
    ResourceId tmp = dir.resolve(StaleTemps.tempName(name),
        StandardResolveOptions.RESOLVE_FILE);
    // Most writes are of new files: only when the target already exists (a rerun) is the
    // content hashed, to tell an identical file (left alone) from a different one.
    long existing = existingSize(target);
    MessageDigest digest = existing < 0 ? null : sha256();
    CountingStream counted;
    boolean moved = false;
    try {
      try (OutputStream out = create(tmp)) {
        counted = new CountingStream(digest == null ? out : new DigestOutputStream(out, digest));
        content.writeTo(counted);
        counted.flush();
      }
      boolean same = existing == counted.count && sameContent(target, digest.digest());
      if (existing < 0 || overwrite && !same) {
        rename(tmp, target);
        moved = true;
      } else if (!same) {
        throw new OutputExistsException();
      }
      return new Written(counted.count, existing >= 0 && same);
    } finally {
      if (!moved) {
        delete(tmp);
      }
    }
  }

  // Local files are written with java.nio directly: Beam's local create writes through an 8 KB
  // stream (a write call per 8 KB) and hides the file channel that bulk transfers need.

  private static boolean local(ResourceId r) {
    return "file".equals(r.getScheme());
  }

  private static OutputStream create(ResourceId tmp) throws IOException {
    if (local(tmp)) {
      Path p = Path.of(tmp.toString());
      Files.createDirectories(p.getParent());
      return new FileChannelOutput(FileChannel.open(p, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE));
    }
    return Channels.newOutputStream(FileSystems.create(tmp, MimeTypes.BINARY));
  }

  private static void rename(ResourceId from, ResourceId to) throws IOException {
    if (local(from) && local(to)) {
      Files.move(Path.of(from.toString()), Path.of(to.toString()),
          StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else {
      FileSystems.rename(List.of(from), List.of(to),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  private static void delete(ResourceId r) throws IOException {
    if (local(r)) {
      Files.deleteIfExists(Path.of(r.toString()));
    } else {
      FileSystems.delete(List.of(r), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  /**
   * The size of the existing target, or -1 when it does not exist. A local path is looked up
   * directly: Beam's local match of a missing file walks its whole folder, once per write.
   */
  private static long existingSize(ResourceId target) throws IOException {
    if (local(target)) {
      Path p = Path.of(target.toString());
      return Files.isRegularFile(p) ? Files.size(p) : -1;
    }
    MatchResult m = FileSystems.match(target.toString());
    return m.status() != MatchResult.Status.OK || m.metadata().isEmpty()
        ? -1 : m.metadata().get(0).sizeBytes();
  }

  /** Whether the existing target holds the bytes hashed. */
  private static boolean sameContent(ResourceId target, byte[] hash) throws IOException {
    MessageDigest d = sha256();
    byte[] buf = new byte[64 * 1024];
    try (ReadableByteChannel ch = FileSystems.open(target);
        InputStream in = Channels.newInputStream(ch)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        d.update(buf, 0, n);
      }
    }
    return Arrays.equals(d.digest(), hash);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts what it passes on; passes bulk transfers on when nothing else must see the bytes. */
  private static final class CountingStream extends java.io.FilterOutputStream
      implements ChannelSink {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public long transferFrom(FileChannel src, long position, long n) throws IOException {
      if (!(out instanceof ChannelSink sink)) {
        return -1; // e.g. a digest must see the bytes
      }
      long done = sink.transferFrom(src, position, n);
      if (done > 0) {
        count += done;
      }
      return done;
    }
  }
}
