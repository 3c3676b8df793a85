package org.dicomdeid.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * An unbuffered output stream onto a file channel that takes {@link ChannelSink} transfers: the
 * counterpart of {@link FileChannelInput}. Closing it closes the channel.
 */
public class FileChannelOutput extends OutputStream implements ChannelSink {
  private final FileChannel channel;

  public FileChannelOutput(FileChannel channel) {
    this.channel = channel;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(b, off, len);
    while (bb.hasRemaining()) {
      channel.write(bb);
    }
  }

  /** Appends with {@link FileChannel#transferTo} until done or the source file ends. */
  @Override
  public long transferFrom(FileChannel src, long position, long count) throws IOException {
    long done = 0;
    while (done < count) {
      long n = src.transferTo(position + done, count - done, channel);
      if (n <= 0) {
        break; // end of file
      }
      done += n;
    }
    return done;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
