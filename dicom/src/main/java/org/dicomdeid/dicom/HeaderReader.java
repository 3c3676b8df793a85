package org.dicomdeid.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a data set up to Pixel Data (or to its end) without reading Pixel Data's bytes, and hands
 * the values a {@link Handler} asks for to it; every other value is skipped. Which values matter,
 * and what they mean, is the handler's business.
 */
public final class HeaderReader {
  /** What a header-only pass keeps. */
  public interface Handler {
    /**
     * The longest value of {@code tag} that is wanted here, or -1 if none is: a longer value is
     * skipped. {@code sequences} holds the tags of the sequences the element is in, innermost first
     * (empty at the top level); it must not be modified.
     */
    long maxLength(int tag, Deque<Integer> sequences);

    /** The value of {@code tag}, whose length {@link #maxLength} allowed. */
    void value(int tag, Deque<Integer> sequences, byte[] value);
  }

  private HeaderReader() {}

  /** Reads the header of {@code in} ({@code size} bytes, or -1 if unknown) into {@code h}. */
  public static void read(InputStream in, long size, Handler h) throws IOException {
    read(DicomReader.open(in, size), h);
  }

  /** Reads the header of {@code r} into {@code h}; stops before Pixel Data. */
  public static void read(DicomReader r, Handler h) throws IOException {
    Deque<Integer> sequences = new ArrayDeque<>();
    for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
      if (r.depth() == 0 && e == DicomReader.Event.ELEMENT && Tags.isPixelData(r.tag())) {
        break;
      }
      if (e == DicomReader.Event.FRAGMENTS_START && r.depth() == 1) {
        break;
      }
      if (e == DicomReader.Event.SEQUENCE_START) {
        sequences.push(r.tag());
      } else if (e == DicomReader.Event.SEQUENCE_END) {
        sequences.pop();
      } else if (e == DicomReader.Event.ELEMENT && r.length() <= h.maxLength(r.tag(), sequences)) {
        h.value(r.tag(), sequences, r.readValue());
      }
    }
  }
}
