package org.dicomdeid.dicom;

import java.io.IOException;

/**
 * Copies a data set event by event from a reader to a writer without changing it: the codec's round
 * trip, and the skeleton every rewriting loop follows. Values longer than {@link #STREAM_THRESHOLD}
 * are streamed, never held whole.
 */
public final class DicomCopy {
  /** Values above this many bytes are streamed through a buffer instead of read whole. */
  public static final int STREAM_THRESHOLD = 64 * 1024;

  private DicomCopy() {}

  /** Writes the file meta (if the input had one) and the whole data set of {@code in} to out. */
  public static void copy(DicomReader in, DicomWriter out) throws IOException {
    FileMeta meta = in.fileMeta();
    if (meta != null) {
      out.writeFileMeta(meta, in.transferSyntax());
    } else {
      out.startDataSet(in.transferSyntax());
    }
    copyDataSet(in, out);
    out.finish();
  }

  /** Copies events until the end of the data set. */
  public static void copyDataSet(DicomReader in, DicomWriter out) throws IOException {
    for (DicomReader.Event e = in.next(); e != DicomReader.Event.END; e = in.next()) {
      copyEvent(in, out, e);
    }
  }

  /** Copies the current event (and its value, if any). */
  public static void copyEvent(DicomReader in, DicomWriter out, DicomReader.Event e)
      throws IOException {
    switch (e) {
      case ELEMENT:
        if (in.length() > STREAM_THRESHOLD) {
          out.startValue(in.tag(), in.vr(), in.length());
          in.copyValue(out.valueStream());
          out.endValue();
        } else {
          out.writeElement(in.tag(), in.vr(), in.readValue());
        }
        break;
      case SEQUENCE_START:
        out.startSequence(in.tag());
        break;
      case ITEM_START:
        out.startItem();
        break;
      case ITEM_END:
        out.endItem();
        break;
      case SEQUENCE_END:
        out.endSequence();
        break;
      case FRAGMENTS_START:
        out.startFragments(in.tag(), in.vr());
        break;
      case FRAGMENT:
        out.startFragment(in.length());
        in.copyValue(out.valueStream());
        out.endValue();
        break;
      case FRAGMENTS_END:
        out.endFragments();
        break;
      default:
        throw new IllegalStateException("unexpected event " + e);
    }
  }
}
