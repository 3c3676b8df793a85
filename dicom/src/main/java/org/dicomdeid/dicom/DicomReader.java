package org.dicomdeid.dicom;

import static org.dicomdeid.dicom.DicomParseException.Kind.MALFORMED;
import static org.dicomdeid.dicom.DicomParseException.Kind.NOT_DICOM;
import static org.dicomdeid.dicom.DicomParseException.Kind.TRUNCATED;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A pull parser for DICOM Part 10 files and bare data sets (PS3.10 7.1, PS3.5 7). {@link #next()}
 * returns one event at a time; an element's value is read only when asked ({@link #readValue()},
 * {@link #copyValue(OutputStream)}), so a caller can stop before Pixel Data without reading it.
 *
 * <p>Nesting is kept on an explicit stack, never the Java call stack, so a hostile file nested
 * thousands deep cannot overflow it. Every length is checked against what encloses it and, when the
 * size of the input is known, against what is left of it.
 */
public final class DicomReader implements Closeable {

  /** What {@link #next()} found. */
  public enum Event {
    /** An element with a value of defined length; the value is pending. */
    ELEMENT,
    SEQUENCE_START,
    ITEM_START,
    ITEM_END,
    SEQUENCE_END,
    /** Encapsulated Pixel Data (undefined length OB/OW), PS3.5 A.4. */
    FRAGMENTS_START,
    /** One item of encapsulated data; the value is pending. */
    FRAGMENT,
    FRAGMENTS_END,
    /** End of the data set. */
    END
  }

  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);

  private enum FrameKind {
    SEQUENCE,
    ITEM,
    FRAGMENTS
  }

  private record Frame(FrameKind kind, int tag, long end, boolean explicitVr, boolean bigEndian) {}

  private final InputStream source;
  private final DicomInput in;

  /** Wraps the inflated stream of a deflated data set (identity unless a caller taps it). */
  private final UnaryOperator<InputStream> inflatedTap;

  private Inflater inflater;
  private long dataSetOffset = -1;
  private long size;
  private FileMeta meta;
  private TransferSyntax ts;
  private boolean explicitVr;
  private final ArrayDeque<Frame> stack = new ArrayDeque<>();
  private final Recoveries recoveries = new Recoveries();

  private Event event;
  private int tag;
  private VR vr;
  private long length;
  private long headerOffset;
  private boolean valuePending;

  private DicomReader(InputStream source, long size, UnaryOperator<InputStream> inflatedTap) {
    this.source = source;
    this.in = new DicomInput(source, DicomInput.BUFFER_SIZE);
    this.size = size;
    this.inflatedTap = inflatedTap;
  }

  /**
   * Opens a stream: reads the preamble and file meta if present, else detects the encoding of a
   * bare data set from its first element. {@code size} is the total byte count if known, else -1.
   */
  public static DicomReader open(InputStream source, long size) throws IOException {
    return open(source, size, UnaryOperator.identity());
  }

  /**
   * The same, with {@code inflatedTap} wrapped around the inflated stream if the data set is
   * deflated (PS3.5 A.5), so that a caller sees the inflated bytes as they are read.
   */
  public static DicomReader open(
      InputStream source, long size, UnaryOperator<InputStream> inflatedTap) throws IOException {
    DicomReader r = new DicomReader(source, size, inflatedTap);
    r.readPreambleAndMeta();
    return r;
  }

  /** Offset of the data set's first byte in the input (after the preamble and meta group). */
  public long dataSetOffset() {
    return dataSetOffset;
  }

  /**
   * For a deflated data set read to its end: how many bytes of input the deflate stream took, from
   * {@link #dataSetOffset()} (bytes after it are not part of the data set); else -1.
   */
  public long deflatedLength() {
    return inflater != null && inflater.finished() ? inflater.getBytesRead() : -1;
  }

  /**
   * The defects of the input read through so far, as other toolkits (dcm4che, pydicom) read them,
   * in words for the report: kinds and tags, never values. Empty for a well-formed file.
   */
  public List<String> recoveries() {
    return recoveries.list();
  }

  private void recovered(String what) {
    recoveries.add(what);
  }

  /** The file meta group, or null for a bare data set. */
  public FileMeta fileMeta() {
    return meta;
  }

  public TransferSyntax transferSyntax() {
    return ts;
  }

  public Event event() {
    return event;
  }

  public int tag() {
    return tag;
  }

  public VR vr() {
    return vr;
  }

  /** Value length of the current element or fragment; -1 for undefined length. */
  public long length() {
    return length;
  }

  /** Offset of the current element's header in the (inflated) stream. */
  public long offset() {
    return headerOffset;
  }

  /** Number of open sequences, items and fragment lists: 0 at the top level of the data set. */
  public int depth() {
    return stack.size();
  }

  /** Byte order of the content being read (Little Endian inside a UN sequence, PS3.5 6.2.2). */
  public boolean bigEndian() {
    return in.bigEndian();
  }

  /** Bytes taken from the source stream so far, read-ahead buffer included. */
  public long bytesConsumed() {
    return in.bytesConsumed();
  }

  public long position() {
    return in.position();
  }

  /** Reads the pending value whole. */
  public byte[] readValue() throws IOException {
    requirePending();
    valuePending = false;
    return in.readBytes(length);
  }

  /** Streams the pending value to out. */
  public void copyValue(OutputStream out) throws IOException {
    requirePending();
    valuePending = false;
    in.copy(length, out);
  }

  public void skipValue() throws IOException {
    requirePending();
    valuePending = false;
    in.skip(length);
  }

  private void requirePending() {
    if (!valuePending) {
      throw new IllegalStateException("no pending value at " + Tags.toString(tag));
    }
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  // PS3.10 7.1: 128-byte preamble, "DICM", then the meta group in Explicit VR Little Endian.
  private void readPreambleAndMeta() throws IOException {
    byte[] head = new byte[132];
    int n = in.peek(head, 132);
    boolean part10 =
        n == 132
            && head[128] == DICM[0]
            && head[129] == DICM[1]
            && head[130] == DICM[2]
            && head[131] == DICM[3];
    if (part10) {
      in.skip(132);
    } else if (n < 8) {
      throw new DicomParseException(
          NOT_DICOM, 0, n == 0 ? "empty file" : "not DICOM: only " + n + " bytes");
    }
    if (part10 || (n >= 8 && head[0] == 2 && head[1] == 0 && isVrCode(head[4], head[5]))) {
      meta = readMetaGroup();
    }
    String tsUid = meta == null ? null : meta.transferSyntaxUid();
    if (tsUid == null || tsUid.isEmpty()) {
      ts = detectEncoding();
    } else {
      ts = TransferSyntax.of(tsUid);
    }
    explicitVr = ts.explicitVr();
    in.bigEndian(ts.bigEndian());
    if (!ts.deflated() && meta != null) {
      explicitVr = checkDeclaredVrEncoding();
    }
    dataSetOffset = in.position();
    if (ts.deflated()) {
      // PS3.5 A.5: the data set after the meta group is raw deflate (RFC 1951, no zlib header).
      inflater = new Inflater(true);
      in.switchSource(
          rest -> inflatedTap.apply(new InflaterInputStream(rest, inflater, 64 * 1024)));
      size = -1;
    }
  }

  private FileMeta readMetaGroup() throws IOException {
    FileMeta m = new FileMeta();
    in.bigEndian(false);
    byte[] peek = new byte[6];
    long groupStart = -1;
    long groupLength = -1;
    while (in.peek(peek, 6) == 6 && peek[0] == 2 && peek[1] == 0) {
      long at = in.position();
      int t = in.tag();
      VR v;
      long len;
      if (isVrCode(peek[4], peek[5])) {
        v = VR.ofCode(in.code16());
        if (v.longHeader()) {
          in.skip(2);
          len = in.u32();
        } else {
          len = in.u16();
        }
      } else {
        // Some writers put the meta group in Implicit VR: tolerate it.
        v = ElementDictionary.vrOf(t);
        len = in.u32();
      }
      if (len == UNDEFINED || len > 1 << 20) {
        throw new DicomParseException(
            MALFORMED,
            at,
            "file meta element " + Tags.toString(t) + " has an impossible length " + len);
      }
      checkRemaining(at, t, len);
      byte[] value = in.readBytes(len);
      m.put(new DicomElement(t, v, value));
      if (t == Tags.FileMetaInformationGroupLength && len == 4) {
        groupStart = in.position();
        groupLength = Values.u32(value, 0, false);
      }
    }
    if (groupStart >= 0 && in.position() - groupStart != groupLength) {
      // PS3.10 7.1: the meta group is read element by element, as dcm4che and pydicom do.
      recovered(
          "file meta group length (0002,0000) disagrees with the group: read element by"
              + " element");
    }
    return m;
  }

  /**
   * Some writers declare Explicit VR in the meta group and write the data set in Implicit VR (or
   * the reverse). Like other toolkits, trust the first element's bytes over the declaration; the
   * writer then encodes the output as the declared syntax says.
   */
  private boolean checkDeclaredVrEncoding() throws IOException {
    byte[] b = new byte[6];
    if (in.peek(b, 6) < 6) {
      return ts.explicitVr();
    }
    boolean looksExplicit = isVrCode(b[4], b[5]);
    if (ts.explicitVr() && !looksExplicit) {
      recovered("data set in Implicit VR under an Explicit VR transfer syntax: read as written");
      return false;
    }
    if (!ts.explicitVr() && looksExplicit) {
      int t = Values.tag(b, 0, ts.bigEndian());
      boolean explicit =
          VR.ofCode(((b[4] & 0xff) << 8) | (b[5] & 0xff)) == ElementDictionary.vrOf(t);
      if (explicit) {
        recovered(
            "data set in Explicit VR under an Implicit VR transfer syntax: read as" + " written");
      }
      return explicit;
    }
    return ts.explicitVr();
  }

  /** PS3.5 has no magic number for bare data sets: judge by the first element, as toolkits do. */
  private TransferSyntax detectEncoding() throws IOException {
    byte[] b = new byte[8];
    long at = in.position();
    int n = in.peek(b, 8);
    if (n < 8) {
      if (n == 0) {
        throw new DicomParseException(TRUNCATED, at, "no data set after the file meta");
      }
      throw new DicomParseException(NOT_DICOM, at, "not DICOM: data set too short");
    }
    if (meta == null && Arrays.equals(b, new byte[8])) {
      // (0000,0000) of length 0 is no DICOM element: this is zero fill, e.g. a preamble cut
      // before its "DICM" prefix (PS3.10 7.1), and would otherwise parse as empty elements.
      throw new DicomParseException(
          NOT_DICOM, at, "not DICOM: starts with zero bytes and no DICM prefix");
    }
    boolean bigEndian = b[0] == 0 && b[1] != 0;
    int group =
        bigEndian ? ((b[0] & 0xff) << 8) | (b[1] & 0xff) : ((b[1] & 0xff) << 8) | (b[0] & 0xff);
    boolean explicit = isVrCode(b[4], b[5]);
    if (meta == null
        && !(group == 0x0008
            || group == 0x0002
            || group == 0x0000
            || group == 0x0010
            || group == 0x0018
            || group == 0x0020
            || group == 0x0028)) {
      throw new DicomParseException(
          NOT_DICOM,
          at,
          "not DICOM: no DICM prefix and the first bytes are not a DICOM data element");
    }
    if (explicit) {
      return bigEndian ? TransferSyntax.EXPLICIT_BE : TransferSyntax.EXPLICIT_LE;
    }
    return bigEndian
        ? new TransferSyntax("implicit-big-endian", false, true, false, false)
        : TransferSyntax.IMPLICIT_LE;
  }

  private static boolean isVrCode(byte b0, byte b1) {
    return VR.ofCode(((b0 & 0xff) << 8) | (b1 & 0xff)) != null;
  }

  private boolean currentExplicit() {
    Frame top = stack.peek();
    return top == null ? explicitVr : top.explicitVr();
  }

  /** Advances to the next event; a pending value is skipped. */
  public Event next() throws IOException {
    if (valuePending) {
      skipValue();
    }
    if (event == Event.END) {
      return event;
    }
    Frame top = stack.peek();
    if (top != null && top.end() >= 0 && in.position() >= top.end()) {
      if (in.position() > top.end()) {
        throw new DicomParseException(
            MALFORMED,
            in.position(),
            "contents of "
                + Tags.toString(top.tag())
                + " overrun its declared length by "
                + (in.position() - top.end())
                + " bytes");
      }
      return pop(top);
    }
    if (top == null && in.atEnd()) {
      recoveries.dataSetEnds(in.position());
      return event = Event.END;
    }
    headerOffset = in.position();
    if (top != null && top.end() < 0 && in.atEnd() && onlyUndefinedLengthSequences()) {
      // The file ends where only undefined-length sequences and items are open: their
      // delimiters (PS3.5 7.5.2) are missing. dcm4che and pydicom close them there.
      recovered("sequence or item delimiter missing at the end of the file: closed there");
      return pop(top);
    }
    if (top != null && top.end() < 0 && in.atEnd()) {
      throw new DicomParseException(
          TRUNCATED,
          headerOffset,
          "unexpected end of data: "
              + Tags.toString(top.tag())
              + " is not closed (truncated file?)");
    }
    tag = in.tag();
    if (top != null && top.kind() == FrameKind.SEQUENCE) {
      return sequenceContent(top);
    }
    if (top != null && top.kind() == FrameKind.FRAGMENTS) {
      return fragmentContent(top);
    }
    if (tag == Tags.ItemDelimitationItem) {
      in.u32();
      if (top != null && top.kind() == FrameKind.ITEM && top.end() < 0) {
        return pop(top);
      }
      throw new DicomParseException(MALFORMED, headerOffset, "item delimiter outside an item");
    }
    if (tag == Tags.SequenceDelimitationItem || tag == Tags.Item) {
      throw new DicomParseException(
          MALFORMED,
          headerOffset,
          "unexpected " + Tags.toString(tag) + " in a data set (sequence or item not opened)");
    }
    return element(top);
  }

  private boolean onlyUndefinedLengthSequences() {
    for (Frame f : stack) {
      if (f.end() >= 0 || f.kind() == FrameKind.FRAGMENTS) {
        return false;
      }
    }
    return true;
  }

  private Event sequenceContent(Frame top) throws IOException {
    long len = in.u32();
    if (tag == Tags.Item) {
      vr = null;
      length = len == UNDEFINED ? -1 : len;
      long end = len == UNDEFINED ? -1 : checkNested(top, len);
      stack.push(new Frame(FrameKind.ITEM, top.tag(), end, top.explicitVr(), top.bigEndian()));
      return event = Event.ITEM_START;
    }
    if (tag == Tags.SequenceDelimitationItem && top.end() < 0) {
      return pop(top);
    }
    throw new DicomParseException(
        MALFORMED,
        headerOffset,
        "expected an item in sequence " + Tags.toString(top.tag()) + ", found " + found(tag));
  }

  private Event fragmentContent(Frame top) throws IOException {
    long len = in.u32();
    if (tag == Tags.Item) {
      if (len == UNDEFINED) {
        throw new DicomParseException(
            MALFORMED, headerOffset, "fragment of undefined length in " + Tags.toString(top.tag()));
      }
      checkRemaining(headerOffset, top.tag(), len);
      tag = top.tag();
      length = len;
      valuePending = true;
      return event = Event.FRAGMENT;
    }
    if (tag == Tags.SequenceDelimitationItem) {
      tag = top.tag();
      return pop(top);
    }
    throw new DicomParseException(
        MALFORMED,
        headerOffset,
        "expected a fragment item in " + Tags.toString(top.tag()) + ", found " + found(tag));
  }

  private Event element(Frame top) throws IOException {
    long len;
    if (currentExplicit()) {
      int code = in.code16();
      vr = VR.ofCode(code);
      if (vr == null) {
        // Not a VR: treat the header as implicit (seen in sloppy files); the two bytes are the low
        // half of a 32-bit length.
        vr = ElementDictionary.vrOf(tag);
        recovered("no VR code in the header of " + Tags.toString(tag) + ": read as Implicit VR");
        int hi = in.u16();
        len = in.bigEndian() ? ((long) code << 16) | hi : ((long) hi << 16) | swap16(code);
      } else if (vr.longHeader()) {
        in.skip(2);
        len = in.u32();
      } else {
        len = in.u16();
      }
      if (vr != VR.SQ
          && vr != VR.UN
          && ElementDictionary.vrOf(tag) == VR.SQ
          && (len == UNDEFINED || startsWithItem(len))) {
        // A sequence declared with another VR whose bytes are items (PS3.5 7.5): read as the
        // dictionary says, so that its items are de-identified, not copied as opaque bytes.
        recovered("VR " + vr + " declared for sequence " + Tags.toString(tag) + ": read as SQ");
        vr = VR.SQ;
      }
    } else {
      vr = ElementDictionary.vrOf(tag);
      if (vr == VR.OB && (tag == Tags.PixelData || (tag & 0xFF00FFFF) == 0x60003000)) {
        vr = VR.OW; // PS3.5 A.1: in Implicit VR, Pixel Data and Overlay Data are OW
      }
      len = in.u32();
    }
    if (top == null) {
      checkGroupLength(len);
    }
    boolean explicitContent = currentExplicit();
    boolean bigEndian = in.bigEndian();
    if (len == UNDEFINED) {
      length = -1;
      if (vr == VR.SQ || vr == VR.UN) {
        // PS3.5 6.2.2: UN of undefined length holds a sequence in Implicit VR Little Endian.
        if (vr == VR.UN) {
          explicitContent = false;
          bigEndian = false;
        }
        vr = VR.SQ;
        stack.push(new Frame(FrameKind.SEQUENCE, tag, -1, explicitContent, bigEndian));
        in.bigEndian(bigEndian);
        return event = Event.SEQUENCE_START;
      }
      if (vr == VR.OB || vr == VR.OW) {
        stack.push(new Frame(FrameKind.FRAGMENTS, tag, -1, explicitContent, bigEndian));
        return event = Event.FRAGMENTS_START;
      }
      throw new DicomParseException(
          MALFORMED,
          headerOffset,
          plausible(tag)
              ? "element " + Tags.toString(tag) + " with VR " + vr + " has undefined length"
              : unexpected());
    }
    length = len;
    long end = checkNested(top, len);
    if (vr == VR.SQ) {
      stack.push(new Frame(FrameKind.SEQUENCE, tag, end, explicitContent, bigEndian));
      return event = Event.SEQUENCE_START;
    }
    if ((len & 1) == 1) {
      // PS3.5 7.1.1: value lengths are even. The writer pads the value to even length.
      recovered("odd value length of " + Tags.toString(tag) + ": padded");
    }
    valuePending = true;
    return event = Event.ELEMENT;
  }

  /** Tells {@link Recoveries} where a top-level element starts, and a group length's value. */
  private void checkGroupLength(long len) throws IOException {
    long groupLength = -1;
    byte[] b = (tag & 0xFFFF) == 0 && len == 4 ? new byte[4] : null;
    if (b != null && in.peek(b, 4) == 4) {
      groupLength = Values.u32(b, 0, in.bigEndian());
    }
    recoveries.topLevelElement(tag, headerOffset, groupLength, in.position() + 4);
  }

  /** Whether a value of {@code len} bytes at the current position starts with an item tag. */
  private boolean startsWithItem(long len) throws IOException {
    if (len < 8) {
      return false;
    }
    byte[] b = new byte[4];
    if (in.peek(b, 4) < 4) {
      return false;
    }
    return Values.tag(b, 0, in.bigEndian()) == Tags.Item;
  }

  private static int swap16(int v) {
    return ((v & 0xff) << 8) | ((v >> 8) & 0xff);
  }

  /** Checks a defined length against the enclosing item and the input; returns the end offset. */
  private long checkNested(Frame top, long len) throws IOException {
    long end = in.position() + len;
    for (Frame f : stack) {
      if (f.end() >= 0) {
        if (end > f.end()) {
          if (!plausible(tag)) {
            throw new DicomParseException(MALFORMED, headerOffset, unexpected());
          }
          throw new DicomParseException(
              MALFORMED,
              headerOffset,
              "length "
                  + len
                  + " of "
                  + Tags.toString(tag)
                  + " runs "
                  + (end - f.end())
                  + " bytes past the end of "
                  + Tags.toString(f.tag()));
        }
        break;
      }
    }
    checkRemaining(headerOffset, tag, len);
    return end;
  }

  private void checkRemaining(long at, int t, long len) throws DicomParseException {
    if (size >= 0 && in.position() + len > size) {
      if (!plausible(t)) {
        throw new DicomParseException(
            MALFORMED, at, "unexpected bytes at offset " + at + " (not an element header)");
      }
      throw new DicomParseException(
          TRUNCATED,
          at,
          "length "
              + len
              + " of "
              + Tags.toString(t)
              + " is larger than the "
              + (size - in.position())
              + " bytes left in the file");
    }
  }

  /**
   * A tag the dictionary knows (or an item tag). Anything else read where a header should be may be
   * value bytes (text after the data set, a wrong length before it): a message then names only the
   * offset, never the bytes as a tag or a length.
   */
  private static boolean plausible(int t) {
    return !ElementDictionary.keywordOf(t).isEmpty() || (t >>> 16) == 0xFFFE;
  }

  private String unexpected() {
    return "unexpected bytes at offset " + headerOffset + " (not an element header)";
  }

  private String found(int t) {
    return plausible(t) ? Tags.toString(t) : unexpected();
  }

  private Event pop(Frame top) {
    stack.pop();
    Frame parent = stack.peek();
    in.bigEndian(parent == null ? ts.bigEndian() : parent.bigEndian());
    tag = top.tag();
    vr =
        top.kind() == FrameKind.FRAGMENTS ? VR.OB : top.kind() == FrameKind.SEQUENCE ? VR.SQ : null;
    length = 0;
    switch (top.kind()) {
      case ITEM:
        return event = Event.ITEM_END;
      case SEQUENCE:
        return event = Event.SEQUENCE_END;
      default:
        return event = Event.FRAGMENTS_END;
    }
  }
}
