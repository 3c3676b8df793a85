package org.dicomdeid.dicom.deflate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.io.InputOpener;

/**
 * How a rewritten file is encoded, in the input's transfer syntax: the whole data set anew ({@link
 * #whole()}), or, for a deflated data set (PS3.5 A.5), by deflating only its changed head where
 * that gives the same data set ({@link #splicing()}, {@link DeflateSplice}).
 */
public interface DataSetEncoder {
  /** What came of one file. */
  record Encoded(List<String> recoveries, boolean spliced) {}

  /**
   * Reads the input ({@code size} bytes, -1 if unknown) from {@code source}, runs its data set
   * through {@code pass} and writes the Part 10 file to {@code out}: the meta group for {@code
   * meta}, then the data set. Returns the defects of the input that were read through ({@link
   * DicomReader#recoveries()}) and whether the deflate stream was spliced. {@code out} is flushed,
   * not closed.
   */
  Encoded encode(InputOpener source, long size, OutputStream out, FileMeta meta, DataSetPass pass)
      throws IOException;

  /** Every data set encoded anew, a deflated one deflated whole again. */
  static DataSetEncoder whole() {
    return new WholeDataSet();
  }

  /** A deflated data set spliced when the splice applies; any other encoded whole. */
  static DataSetEncoder splicing() {
    return new SplicedDeflate();
  }
}
