package org.dicomdeid.dicom.deflate;

import java.io.IOException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomWriter;

/** One pass that reads a data set and writes it rewritten: what a {@link DataSetEncoder} runs. */
@FunctionalInterface
public interface DataSetPass {
  /**
   * Reads the data set from {@code r} and writes it to {@code w} (the data set only: the caller
   * writes the file meta and finishes {@code w}). Calls {@code mark} just before writing top-level
   * Pixel Data that is copied unchanged to the end.
   */
  void rewrite(DicomReader r, DicomWriter w, UnchangedMark mark) throws IOException;

  /** Told where the part of the data set starts that is written unchanged. */
  @FunctionalInterface
  interface UnchangedMark {
    /** Nothing to tell: the whole data set is encoded anew. */
    UnchangedMark NONE = (r, readerOffset) -> {};

    /** Everything from the element at {@code readerOffset} to the end is written unchanged. */
    void unchangedFrom(DicomReader r, long readerOffset) throws IOException;
  }
}
