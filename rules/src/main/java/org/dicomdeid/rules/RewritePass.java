package org.dicomdeid.rules;

import static org.dicomdeid.dicom.DicomParseException.Kind.MALFORMED;
import static org.dicomdeid.dicom.DicomParseException.Kind.TOO_LARGE;
import static org.dicomdeid.dicom.DicomParseException.Kind.TRUNCATED;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.TreeMap;
import org.dicomdeid.dicom.DicomCopy;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomReader.Event;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.dicomdeid.dicom.deflate.DataSetPass.UnchangedMark;

/**
 * One pass of the engine over one file's data set: each element goes through the rules ({@link
 * ElementRules}), the engine's own attributes ({@link DeidRecord}) are written in their place, and
 * every value that is kept passes the last check ({@link LastCheck}).
 */
final class RewritePass {
  private final DeidConfig config;
  private final Keyed keyed;
  private final ElementRules rules;
  private final SafePrivate safePrivate;
  private final DicomReader r;
  private final DicomWriter w;

  /** Told where top-level Pixel Data starts, which is copied unchanged. */
  private final UnchangedMark mark;

  private final int dateOffset;
  private final TreeMap<Integer, DeidRecord.Insert> pending;

  /** The open items, innermost first; the data set itself is the last. */
  private final ArrayDeque<OpenItem> levels = new ArrayDeque<>();

  /** The open sequences that are written, innermost first. */
  private final ArrayDeque<OpenItem.Sequence> sequences = new ArrayDeque<>();

  private final LastCheck check;

  /** A top-level value already read for the last check, to be used by this element. */
  private byte[] preread;

  /** The data set's character set, for the last check. */
  private SpecificCharacterSet charset = SpecificCharacterSet.DEFAULT;

  /**
   * For the file read by {@code r}, written to {@code w}: with the engine's {@code rules}, the
   * subject's date offset in days and PatientName, and the last check of the file.
   */
  RewritePass(
      RuleSet rules,
      DicomReader r,
      DicomWriter w,
      UnchangedMark mark,
      LastCheck check,
      Subject subject,
      int dateOffset,
      String patientName) {
    this.config = rules.config();
    this.keyed = rules.keyed();
    this.rules = rules.elements();
    this.safePrivate = rules.safePrivate();
    this.r = r;
    this.w = w;
    this.mark = mark;
    this.check = check;
    this.dateOffset = dateOffset;
    this.pending = DeidRecord.inserts(patientName, subject.subjectId(), config.options());
    levels.push(new OpenItem(false, ""));
  }

  void dataSet() throws IOException {
    for (Event e = r.next(); e != Event.END; e = r.next()) {
      switch (e) {
        case ELEMENT:
          element(r.depth() == 0);
          break;
        case SEQUENCE_START:
          sequence(r.depth() == 1);
          break;
        case FRAGMENTS_START:
          fragments(r.depth() == 1);
          break;
        case ITEM_START:
          w.startItem();
          OpenItem.Sequence sq = sequences.peek();
          levels.push(new OpenItem(sq.cleaning(), sq.path() + "[" + sq.items()[0]++ + "]/"));
          break;
        case ITEM_END:
          w.endItem();
          levels.pop();
          break;
        case SEQUENCE_END:
          w.endSequence();
          sequences.pop();
          break;
        default:
          throw new DicomParseException(
              MALFORMED, r.offset(), "unexpected " + e + " in a data set");
      }
    }
    check.ready();
    flushPending(-1);
  }

  /** Writes the engine's own attributes that sort before {@code tag}; true if it owns tag. */
  private boolean topLevel(int tag) throws IOException {
    flushPending(tag);
    DeidRecord.Insert own = pending.remove(tag);
    if (own != null) {
      own.write(w);
      return true;
    }
    return false;
  }

  private void flushPending(int beforeTag) throws IOException {
    while (!pending.isEmpty()
        && (beforeTag == -1 || Integer.compareUnsigned(pending.firstKey(), beforeTag) < 0)) {
      pending.pollFirstEntry().getValue().write(w);
    }
  }

  private void element(boolean top) throws IOException {
    int tag = r.tag();
    levels.peek().inOrder(tag, r);
    if (top) {
      learn(tag);
    }
    if (top && topLevel(tag)) {
      skip();
      return;
    }
    if (top && Tags.isPixelData(tag)) {
      mark.unchangedFrom(r, r.offset()); // Pixel Data is kept (PS3.15 E.1-1 K)
    }
    VR vr = r.vr();
    if (Tags.isPrivate(tag)) {
      privateElement(tag, vr);
      return;
    }
    if (Tags.isGroupLength(tag)) {
      r.skipValue(); // retired, and wrong once values change (PS3.5 7.2)
      return;
    }
    VR effective = ElementRules.effectiveVr(tag, vr);
    OpenItem level = levels.peek();
    Op op = rules.decide(tag, effective, level.cleaning);
    if (vr == VR.UN && ElementDictionary.vrOf(tag) == VR.SQ && op != Op.REMOVE) {
      // PS3.5 6.2.2: a sequence sent as UN of defined length. Its items are opaque bytes here,
      // so no rule reaches the attributes inside them: keep the attribute, but empty.
      op = Op.EMPTY;
    }
    if (op == Op.KEEP && ElementRules.textUnderNonTextTag(tag, vr) && !config.keepUnlistedText()) {
      op = Op.REMOVE; // e.g. a name sent as LT under StudyDate, which the dates option keeps
    }
    if (op == Op.KEEP && tag == Tags.CodingSchemeDesignator) {
      byte[] scheme = small();
      level.scheme = Values.string(scheme).trim();
      write(tag, vr, scheme);
      return;
    }
    if (op == Op.KEEP
        && tag == Tags.CodeMeaning
        && !config.keepUnlistedText()
        && !CodingSchemes.isStandard(level.scheme)) {
      op = Op.DUMMY; // a local code's meaning is free text (PS3.3 8.1)
    }
    switch (op) {
      case REMOVE:
        skip();
        break;
      case EMPTY:
        skip();
        w.writeElement(tag, vr, new byte[0]);
        break;
      case DUMMY:
        skip();
        w.writeElement(tag, vr == VR.UN ? VR.UN : vr, ValueRewrites.dummy(effective));
        break;
      case UID:
        write(tag, vr, ValueRewrites.uids(small(), keyed));
        break;
      case SHIFT_DATE:
        write(tag, effective, vr, ValueRewrites.shiftDates(small(), effective, dateOffset));
        break;
      case KEEP:
      case RECURSE:
        keep(tag, effective);
        break;
      default:
        throw new IllegalStateException(op.name());
    }
  }

  /**
   * Copies a kept value: bulk data and values over 1 MiB are streamed; any other value is read,
   * passed by the last check ({@link LastCheck}) and written.
   */
  private void keep(int tag, VR effective) throws IOException {
    if (preread == null && (LastCheck.bulk(tag) || r.length() > (1 << 20))) {
      DicomCopy.copyEvent(r, w, Event.ELEMENT);
      return;
    }
    byte[] v = small();
    if (!ValueRewrites.plausible(effective, v)) {
      v = new byte[0]; // text where a date or number belongs: not kept (PS3.5 6.2)
    }
    if (tag == Tags.SpecificCharacterSet && r.depth() == 0) {
      charset = SpecificCharacterSet.of(Values.strings(v).toArray(String[]::new));
    }
    write(tag, effective, r.vr(), v);
  }

  private void write(int tag, VR vr, byte[] value) throws IOException {
    write(tag, vr, vr, value);
  }

  /** Writes a value that came from the input, after the last check. */
  private void write(int tag, VR effective, VR vr, byte[] value) throws IOException {
    check.value(levels.peek().path, tag, effective, value, charset);
    w.writeElement(tag, vr, value);
  }

  /**
   * The last check learns the input's identifiers as the pass reaches them ({@link
   * LastCheck#wants}); the value read for it is then used instead of reading it again.
   */
  private void learn(int tag) throws IOException {
    if (LastCheck.wants(tag) && r.length() <= 4096) {
      preread = r.readValue();
      check.learn(tag, preread, charset);
    }
    if (Integer.compareUnsigned(tag, LastCheck.lastWanted()) >= 0) {
      check.ready();
    }
  }

  /** Skips the current value (or forgets the one read for the last check). */
  private void skip() throws IOException {
    if (preread != null) {
      preread = null;
    } else {
      r.skipValue();
    }
  }

  /** A header value read whole: refused beyond 1 MiB, which no text or UID value needs. */
  private byte[] small() throws IOException {
    if (preread != null) {
      byte[] v = preread;
      preread = null;
      return v;
    }
    if (r.length() > (1 << 20)) {
      throw new DicomParseException(
          TOO_LARGE,
          r.offset(),
          "value of "
              + Tags.toString(r.tag())
              + " is "
              + r.length()
              + " bytes, too long for its VR");
    }
    return r.readValue();
  }

  private void privateElement(int tag, VR vr) throws IOException {
    boolean safeOn = config.options().contains(ProfileOption.RETAIN_SAFE_PRIVATE);
    if (!safeOn) {
      r.skipValue();
      return;
    }
    int group = tag >>> 16;
    if (Tags.isPrivateCreator(tag)) {
      String creator = Values.string(small()).trim();
      levels.peek().creators.put((group << 8) | (tag & 0xff), creator);
      if (safePrivate.isSafeCreator(creator, group)) {
        w.writeElement(tag, VR.LO, Values.ascii(creator, VR.LO));
      }
      return;
    }
    String creator = levels.peek().creators.get((group << 8) | ((tag >> 8) & 0xff));
    if ((tag & 0xff00) >= 0x1000 && safePrivate.isSafe(creator, tag)) {
      keep(tag, vr);
    } else {
      r.skipValue();
    }
  }

  /**
   * A sequence or encapsulated value opens: it must be in tag order, and at the top level past the
   * identifiers the last check learns, that check is ready.
   */
  private void opened(int tag, boolean top) throws IOException {
    levels.peek().inOrder(tag, r);
    if (top && Integer.compareUnsigned(tag, LastCheck.lastWanted()) >= 0) {
      check.ready();
    }
  }

  private void sequence(boolean top) throws IOException {
    int tag = r.tag();
    int depth = r.depth();
    opened(tag, top);
    if (top && topLevel(tag)) {
      skipUntilClosed(depth);
      return;
    }
    Op op;
    if (Tags.isPrivate(tag)) {
      String creator = levels.peek().creators.get(((tag >>> 16) << 8) | ((tag >> 8) & 0xff));
      boolean keep =
          config.options().contains(ProfileOption.RETAIN_SAFE_PRIVATE)
              && !Tags.isPrivateCreator(tag)
              && safePrivate.isSafe(creator, tag);
      op = keep ? Op.RECURSE : Op.REMOVE;
    } else {
      op = rules.decide(tag, VR.SQ, levels.peek().cleaning);
    }
    switch (op) {
      case REMOVE:
        skipUntilClosed(depth);
        break;
      case EMPTY:
      case DUMMY:
        w.startSequence(tag);
        w.endSequence();
        skipUntilClosed(depth);
        break;
      case CLEAN:
      case RECURSE:
        w.startSequence(tag);
        sequences.push(
            new OpenItem.Sequence(
                op == Op.CLEAN || levels.peek().cleaning,
                levels.peek().path + LastCheck.path(tag),
                new int[1]));
        break;
      default:
        throw new IllegalStateException(op.name());
    }
  }

  /** Encapsulated data: Pixel Data is kept; any other undefined-length OB/OW follows the rules. */
  private void fragments(boolean top) throws IOException {
    int tag = r.tag();
    int depth = r.depth();
    opened(tag, top);
    boolean keep =
        Tags.isPixelData(tag) && top
            || !Tags.isPrivate(tag) && rules.decide(tag, r.vr(), levels.peek().cleaning) == Op.KEEP;
    if (top) {
      flushPending(tag);
    }
    if (!keep) {
      skipUntilClosed(depth);
      return;
    }
    if (top && Tags.isPixelData(tag)) {
      mark.unchangedFrom(r, r.offset());
    }
    DicomCopy.copyEvent(r, w, Event.FRAGMENTS_START);
    for (Event e = r.next(); e != Event.FRAGMENTS_END; e = r.next()) {
      DicomCopy.copyEvent(r, w, e);
    }
    w.endFragments();
  }

  /** Consumes events until the sequence or fragments opened at {@code depth} is closed. */
  private void skipUntilClosed(int depth) throws IOException {
    while (true) {
      Event e = r.next();
      if (e == Event.END) {
        throw new DicomParseException(TRUNCATED, r.position(), "data set ended inside a sequence");
      }
      if ((e == Event.SEQUENCE_END || e == Event.FRAGMENTS_END) && r.depth() == depth - 1) {
        return;
      }
    }
  }
}
