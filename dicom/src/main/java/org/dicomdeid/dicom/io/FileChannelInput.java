package org.dicomdeid.dicom.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * An input stream over a file channel, read from its current position. Unlike {@code
 * Channels.newInputStream}, it lets the codec reach the channel, so that a bulk value can go to a
 * {@link ChannelSink} without passing through the heap.
 */
public final class FileChannelInput extends BulkInputStream {
  private final FileChannel channel;

  public FileChannelInput(FileChannel channel) {
    this.channel = channel;
  }

  public FileChannel channel() {
    return channel;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = channel.read(ByteBuffer.wrap(b, off, len));
    return n < 0 ? -1 : n;
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    long at = channel.position();
    long step = Math.max(0, Math.min(n, channel.size() - at));
    channel.position(at + step);
    return step;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
