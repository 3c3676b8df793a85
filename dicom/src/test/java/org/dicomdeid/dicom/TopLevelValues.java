package org.dicomdeid.dicom;

import java.io.IOException;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Test helper: every top-level value of up to 1 KiB before Pixel Data, as trimmed text. */
public final class TopLevelValues implements HeaderReader.Handler {
  private final Map<Integer, String> values = new HashMap<>();

  private TopLevelValues() {}

  /** Reads the header of {@code r}: tag to value. */
  public static Map<Integer, String> read(DicomReader r) throws IOException {
    TopLevelValues h = new TopLevelValues();
    HeaderReader.read(r, h);
    return h.values;
  }

  @Override
  public long maxLength(int tag, Deque<Integer> sequences) {
    return sequences.isEmpty() ? 1024 : -1;
  }

  @Override
  public void value(int tag, Deque<Integer> sequences, byte[] value) {
    values.put(tag, Values.string(value).trim());
  }
}
