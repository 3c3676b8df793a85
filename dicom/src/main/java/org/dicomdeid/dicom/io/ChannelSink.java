package org.dicomdeid.dicom.io;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * An output stream that can append bytes straight from a file: {@link FileChannel#transferTo}
 * copies them inside the kernel (sendfile), never through the Java heap. The codec uses it for bulk
 * values (Pixel Data) when the input is a {@link FileChannelInput} and the value is copied
 * unchanged; every stream in between must pass the call on, or the codec copies as usual.
 */
public interface ChannelSink {
  /**
   * Flushes whatever this stream buffers, then appends {@code count} bytes of {@code src} from
   * {@code position} (the channel's own position is not used or changed).
   *
   * @return the bytes appended (fewer when the file ends first), or -1 when this stream cannot take
   *     a transfer and nothing was appended
   */
  long transferFrom(FileChannel src, long position, long count) throws IOException;
}
