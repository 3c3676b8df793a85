package org.dicomdeid.dicom.deflate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.io.InputOpener;

/**
 * PS3.5 A.5: a deflated data set is rewritten uncompressed first, then only its changed head is
 * deflated and the input's compressed Pixel Data reused, when {@link DeflateSplice} can do so; else
 * the input is read again and deflated whole. Any other data set is encoded whole.
 */
final class SplicedDeflate implements DataSetEncoder {
  @Override
  public Encoded encode(
      InputOpener source, long size, OutputStream out, FileMeta meta, DataSetPass pass)
      throws IOException {
    try (InputStream in = source.open();
        DeflateSplice splice = new DeflateSplice(source)) {
      DicomReader r = DicomReader.open(in, size, splice::tap);
      if (!r.transferSyntax().deflated()) {
        return new Encoded(WholeDataSet.write(r, out, meta, pass), false);
      }
      DicomWriter inflated = new DicomWriter(splice.dataSet());
      inflated.startDataSet(TransferSyntax.EXPLICIT_LE);
      pass.rewrite(r, inflated, splice::markUnchangedFrom);
      if (splice.writeTo(out, meta, r.transferSyntax(), r)) {
        out.flush(); // out stays open for the caller
        return new Encoded(r.recoveries(), true);
      }
    }
    return new WholeDataSet().encode(source, size, out, meta, pass);
  }
}
