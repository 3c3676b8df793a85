package org.dicomdeid.dicom;

/**
 * A small element held whole: tag, VR and the value bytes exactly as encoded (byte order of its
 * transfer syntax, padding included). Bulk values are never held this way on the rewrite path.
 */
public record DicomElement(int tag, VR vr, byte[] value) {

  /** The value as a string of the default repertoire, trailing padding (space, NUL) removed. */
  public String string() {
    return Values.string(value);
  }

  @Override
  public String toString() {
    // Never the value: it may be PHI.
    return Tags.toString(tag) + " " + vr + " #" + value.length;
  }
}
