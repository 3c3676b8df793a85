package org.dicomdeid.dicom.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

/** A buffered output stream that passes {@link ChannelSink} transfers on to the stream below. */
public final class SinkBufferedOutputStream extends BufferedOutputStream implements ChannelSink {
  public SinkBufferedOutputStream(OutputStream out, int size) {
    super(out, size);
  }

  @Override
  public long transferFrom(FileChannel src, long position, long count) throws IOException {
    if (!(out instanceof ChannelSink sink)) {
      return -1;
    }
    flush();
    return sink.transferFrom(src, position, count);
  }
}
