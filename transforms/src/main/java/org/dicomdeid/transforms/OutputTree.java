package org.dicomdeid.transforms;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.dicomdeid.dicom.io.ChannelSink;
import org.dicomdeid.dicom.io.FileChannelOutput;

/**
 * Writes one file of the de-identified tree through a {@link FileSink} (local or any Beam
 * filesystem): to a temporary name beside the target ({@code .<name>.<uuid>.tmp}, hidden, never
 * ending in {@code .dcm}), then renamed over it, so a file under its real name is always complete.
 * An existing target with the same bytes is left alone (mtime unchanged); one with other bytes is
 * an {@link OutputExistsException} unless overwriting. After a failure no temporary file is left
 * behind; after a crash, {@link StaleTemps#clean} removes them at the start of the next run. Paths
 * here carry no PHI.
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
  private final FileSink sink;

  OutputTree(String root, boolean overwrite) {
    this(root, overwrite, FileSink.of(FileSystems.matchNewResource(root, true)));
  }

  /** A tree written through the given sink (tests run both on one local folder). */
  OutputTree(String root, boolean overwrite, FileSink sink) {
    this.root = root;
    this.overwrite = overwrite;
    this.sink = sink;
  }

  /** Writes {@code relative} (slash-separated): how many bytes, and whether it was unchanged. */
  Written write(String relative, Content content) throws IOException {
    String[] parts = relative.split("/");
    ResourceId dir = FileSystems.matchNewResource(root, true);
    for (int i = 0; i < parts.length - 1; i++) {
      dir = dir.resolve(parts[i], StandardResolveOptions.RESOLVE_DIRECTORY);
    }
    ResourceId target = dir.resolve(parts[parts.length - 1], StandardResolveOptions.RESOLVE_FILE);
    ResourceId tmp = FileSink.tempBeside(target, "");
    // Most writes are of new files: only when the target already exists (a rerun) is the
    // content hashed, to tell an identical file (left alone) from a different one.
    long existing = sink.size(target);
    MessageDigest digest = existing < 0 ? null : sha256();
    CountingStream counted;
    boolean moved = false;
    try {
      try (OutputStream out = stream(sink.create(tmp, false))) {
        counted = new CountingStream(digest == null ? out : new DigestOutputStream(out, digest));
        content.writeTo(counted);
        counted.flush();
      }
      boolean same = existing == counted.count && sameContent(target, digest.digest());
      if (existing < 0 || overwrite && !same) {
        sink.rename(tmp, target);
        moved = true;
      } else if (!same) {
        throw new OutputExistsException();
      }
      return new Written(counted.count, existing >= 0 && same);
    } finally {
      if (!moved) {
        sink.delete(List.of(tmp));
      }
    }
  }

  /** A local file channel stays visible to bulk transfers ({@link ChannelSink}). */
  private static OutputStream stream(WritableByteChannel ch) {
    return ch instanceof FileChannel f ? new FileChannelOutput(f) : Channels.newOutputStream(ch);
  }

  /** Whether the existing target holds the bytes hashed. */
  private boolean sameContent(ResourceId target, byte[] hash) throws IOException {
    MessageDigest d = sha256();
    byte[] buf = new byte[64 * 1024];
    try (ReadableByteChannel ch = sink.open(target);
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
  private static final class CountingStream extends FilterOutputStream implements ChannelSink {
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
