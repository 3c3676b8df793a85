package org.dicomdeid.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-made little-endian encodings, for the cases DicomWriter never produces. */
final class RawBytes {
  static final long UNDEFINED = 0xFFFFFFFFL;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  RawBytes tag(int tag) {
    out.writeBytes(Codec.le16(tag >>> 16));
    out.writeBytes(Codec.le16(tag & 0xffff));
    return this;
  }

  /** Explicit VR LE element header (PS3.5 7.1.2). */
  RawBytes explicit(int tag, VR vr, long length) {
    tag(tag);
    out.writeBytes(vr.name().getBytes(StandardCharsets.US_ASCII));
    if (vr.longHeader()) {
      out.writeBytes(new byte[2]);
      out.writeBytes(Codec.le32(length));
    } else {
      out.writeBytes(Codec.le16((int) length));
    }
    return this;
  }

  /** Implicit VR LE element header, and item or delimiter tags (PS3.5 7.1.3, 7.5). */
  RawBytes implicit(int tag, long length) {
    tag(tag);
    out.writeBytes(Codec.le32(length));
    return this;
  }

  RawBytes bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  RawBytes ascii(String s) {
    return bytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
