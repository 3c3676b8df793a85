package org.dicomdeid.dicom.deflate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.io.InputOpener;

/** The streaming pass writes the whole file, deflating a deflated data set anew. */
final class WholeDataSet implements DataSetEncoder {
  @Override
  public Encoded encode(
      InputOpener source, long size, OutputStream out, FileMeta meta, DataSetPass pass)
      throws IOException {
    try (InputStream in = source.open()) {
      return new Encoded(write(DicomReader.open(in, size), out, meta, pass), false);
    }
  }

  /** Writes the file read by {@code r}; returns the reader's recoveries. */
  static List<String> write(DicomReader r, OutputStream out, FileMeta meta, DataSetPass pass)
      throws IOException {
    DicomWriter w = new DicomWriter(out);
    w.writeFileMeta(meta, r.transferSyntax());
    pass.rewrite(r, w, DataSetPass.UnchangedMark.NONE);
    w.finish(); // flushes; out stays open for the caller
    return r.recoveries();
  }
}
