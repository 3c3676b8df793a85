package org.dicomdeid.rules;

import static org.dicomdeid.dicom.DicomParseException.Kind.MALFORMED;

import java.util.HashMap;
import java.util.Map;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;

/** The engine's state for one open item (or the data set): PS3.5 7.1, 7.5, 7.8.1. */
final class OpenItem {
  /** Private creators by block (group << 8 | xx). */
  final Map<Integer, String> creators = new HashMap<>();

  /** True inside the items of a sequence that is being cleaned. */
  final boolean cleaning;

  /** The Coding Scheme Designator of this item, once seen (it sorts before Code Meaning). */
  String scheme = "";

  /** Where this item is, as {@code 0040,A730[0]/}: for the last check's reasons. */
  final String path;

  private long lastTag = -1;

  OpenItem(boolean cleaning, String path) {
    this.cleaning = cleaning;
    this.path = path;
  }

  /**
   * PS3.5 7.1: elements in ascending tag order, each tag once. A file that breaks it cannot be
   * streamed without writing a tag twice, so it fails (no value is named).
   */
  void inOrder(int tag, DicomReader r) throws DicomParseException {
    long t = tag & 0xFFFFFFFFL;
    if (t <= lastTag) {
      throw new DicomParseException(
          MALFORMED,
          r.offset(),
          (t == lastTag ? "a tag repeated" : "elements out of ascending tag order")
              + " (PS3.5 7.1)");
    }
    lastTag = t;
  }

  /** An open sequence that is written: whether its items are cleaned, its path, items so far. */
  record Sequence(boolean cleaning, String path, int[] items) {}
}
