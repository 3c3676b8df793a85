package org.dicomdeid.transforms;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Sorted runs of an external sort: files of coder-encoded rows in order, each row preceded by a
 * marker byte so that the end of the file is the end of the run. Written through {@link PhiFiles}
 * (owner-only: the rows are PHI), read back one row at a time.
 */
final class SortedRuns {
  private static final int BUFFER = 1 << 16;

  private SortedRuns() {}

  /** Writes rows, already sorted, to a new run file beside {@code target}; returns its name. */
  static <T> ResourceId write(ResourceId target, Coder<T> coder, List<T> sorted)
      throws IOException {
    ResourceId run = PhiFiles.tempBeside(target, "run");
    try (OutputStream out =
        new BufferedOutputStream(Channels.newOutputStream(PhiFiles.create(run)), BUFFER)) {
      for (T row : sorted) {
        out.write(1);
        coder.encode(row, out);
      }
    }
    return run;
  }

  /** One run being read: its current row, or none at the end. */
  static final class Reader<T> implements AutoCloseable {
    private final InputStream in;
    private final Coder<T> coder;
    private T head;

    Reader(ResourceId run, Coder<T> coder) throws IOException {
      this.in = new BufferedInputStream(Channels.newInputStream(FileSystems.open(run)), BUFFER);
      this.coder = coder;
      advance();
    }

    T head() {
      return head;
    }

    /** Moves to the next row; the head is null at the end. */
    void advance() throws IOException {
      int marker = in.read();
      head = marker < 0 ? null : coder.decode(in);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    /** Orders readers by their heads. */
    static <T> Comparator<Reader<T>> byHead(Comparator<T> order) {
      return (a, b) -> order.compare(a.head, b.head);
    }
  }
}
