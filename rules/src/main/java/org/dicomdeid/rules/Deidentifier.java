package org.dicomdeid.rules;

import static org.dicomdeid.dicom.DicomParseException.Kind.MALFORMED;
import static org.dicomdeid.dicom.DicomParseException.Kind.MISSING_UID;
import static org.dicomdeid.dicom.DicomParseException.Kind.TOO_LARGE;
import static org.dicomdeid.dicom.DicomParseException.Kind.TRUNCATED;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeMap;
import org.dicomdeid.dicom.DicomCopy;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomReader.Event;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.dicomdeid.dicom.deflate.DeflateSplice;
import org.dicomdeid.dicom.io.SinkBufferedOutputStream;

/**
 * The de-identification engine: streams one file through the rules ({@link ElementRules}) and
 * writes the result as Part 10 in the input's transfer syntax. Header values are rewritten in
 * memory; Pixel Data and other large values are streamed, never held whole. Thread-safe: all
 * state is per call.
 */
public final class Deidentifier {
  private final DeidConfig config;
  private final Keyed keyed;
  private final ElementRules rules;
  private final SafePrivate safePrivate;
  private final boolean splice;
  /** False only to measure what the last check costs ({@code LastCheckCost}). */
  private final boolean lastCheck;
  private final java.util.concurrent.atomic.LongAdder splicedFiles =
      new java.util.concurrent.atomic.LongAdder();

  public Deidentifier(DeidConfig config) {
    this(config, SafePrivate.standard());
  }

  /** With another safe-private list than the shipped one (tests of the mechanism). */
  Deidentifier(DeidConfig config, SafePrivate safePrivate) {
    this(config, safePrivate, true);
  }

  /** {@code splice} false: deflated data sets are always deflated whole (the tests' reference). */
  Deidentifier(DeidConfig config, SafePrivate safePrivate, boolean splice) {
    this(config, safePrivate, splice, true);
  }

  Deidentifier(DeidConfig config, SafePrivate safePrivate, boolean splice, boolean lastCheck) {
    this.lastCheck = lastCheck;
    this.config = config;
    this.keyed = new Keyed(config.secretKey());
    this.rules = new ElementRules(Profile.standard(), config.options(),
        config.keepUnlistedText());
    this.safePrivate = safePrivate;
    this.splice = splice;
  }

  public Keyed keyed() {
    return keyed;
  }

  public DeidConfig config() {
    return config;
  }

  /** The CT date as written to the output: real, or shifted by the subject's keyed offset. */
  public String outputDate(String yyyymmdd, String mrn) {
    if (!config.shiftDates()) {
      return yyyymmdd;
    }
    return LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE)
        .plusDays(keyed.dateOffsetDays(mrn)).format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  /** PatientName := subject_CTdate (the date shifted when dates are shifted). */
  public String patientName(Subject s) {
    return s.subjectId() + "_" + outputDate(s.ctDate(), s.mrn());
  }

  /** What the engine does with its options, in words (the README shows it). */
  public String describe() {
    return Description.of(config);
  }

  /**
   * Rewrites one file: reads it from {@code source} ({@code size} bytes, -1 if unknown; opened
   * twice: a short pre-scan for the SOP UIDs that the file meta must carry, then the streaming
   * pass; a deflated file once or twice more, see {@link DeflateSplice}) and writes the
   * de-identified Part 10 file to out. Throws DicomParseException for input that cannot be
   * parsed; nothing is promised about {@code out} then, so callers write to a temporary file and
   * discard it. Returns the defects of the input that were read through, for the report
   * ({@link DicomReader#recoveries()}; empty for a well-formed file).
   */
  public List<String> deidentify(InputOpener source, long size, OutputStream out,
      Subject subject) throws IOException {
    return deidentify(source, size, out, subject, prescan(source, size));
  }

  /**
   * The same, for a caller that has already read the file's header ({@link HeaderFacts} takes
   * the SOP UIDs from the data set, else the file meta, as the pre-scan does): the file is then
   * opened once.
   */
  public List<String> deidentify(InputOpener source, long size, OutputStream out,
      Subject subject, DicomHeader header) throws IOException {
    if (header.sopClassUid().isEmpty() || header.sopInstanceUid().isEmpty()) {
      return deidentify(source, size, out, subject);
    }
    return deidentify(source, size, out, subject,
        new String[] {header.sopClassUid(), header.sopInstanceUid()});
  }

  private List<String> deidentify(InputOpener source, long size, OutputStream out,
      Subject subject, String[] sop) throws IOException {
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, sop[0]);
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI,
        sop[1].startsWith(ValueRewrites.DICOM_UID_ROOT) ? sop[1] : keyed.uid(sop[1]));
    // Passes bulk-value transfers on when out can take them (ChannelSink).
    OutputStream buffered = new SinkBufferedOutputStream(out, 64 * 1024);
    try (InputStream in = source.open(); DeflateSplice splice = new DeflateSplice(source::open)) {
      DicomReader r = this.splice ? DicomReader.open(in, size, splice::tap)
          : DicomReader.open(in, size);
      if (!r.transferSyntax().deflated() || !this.splice) {
        encodeWhole(r, buffered, meta, subject);
        return r.recoveries();
      }
      // PS3.5 A.5: rewrite the data set uncompressed first, then deflate only the changed head
      // and reuse the input's compressed Pixel Data, when that is possible (DeflateSplice).
      DicomWriter inflated = new DicomWriter(splice.dataSet());
      inflated.startDataSet(TransferSyntax.EXPLICIT_LE);
      new Run(r, inflated, subject, splice, check(subject)).dataSet();
      if (splice.writeTo(buffered, meta, r.transferSyntax(), r)) {
        buffered.flush(); // out stays open for the caller
        splicedFiles.increment();
        return r.recoveries();
      }
    }
    try (InputStream in = source.open()) {
      DicomReader r = DicomReader.open(in, size);
      encodeWhole(r, buffered, meta, subject);
      return r.recoveries();
    }
  }

  /** The streaming pass that writes the whole file, deflating a deflated data set anew. */
  private void encodeWhole(DicomReader r, OutputStream buffered, FileMeta meta, Subject subject)
      throws IOException {
    DicomWriter w = new DicomWriter(buffered);
    w.writeFileMeta(meta, r.transferSyntax());
    new Run(r, w, subject, null, check(subject)).dataSet();
    w.finish(); // flushes the buffer; out stays open for the caller
  }

  private LastCheck check(Subject subject) {
    return lastCheck ? LastCheck.forMrn(subject.mrn()) : LastCheck.NONE;
  }

  /**
   * How many deflated files this engine has rewritten by deflating only their changed head
   * ({@link DeflateSplice}); the others were deflated whole.
   */
  public long splicedDeflatedFiles() {
    return splicedFiles.sum();
  }

  /** SOP Class and Instance UIDs from the data set, else from the file meta (PS3.10 7.1). */
  private static String[] prescan(InputOpener source, long size) throws IOException {
    String cls = null;
    String inst = null;
    try (InputStream in = source.open()) {
      DicomReader r = DicomReader.open(in, size);
      for (Event e = r.next(); e != Event.END; e = r.next()) {
        if (r.depth() == 0 && e == Event.ELEMENT) {
          if (r.tag() == Tags.SOPClassUID) {
            cls = Values.string(r.readValue()).trim();
          } else if (r.tag() == Tags.SOPInstanceUID) {
            inst = Values.string(r.readValue()).trim();
          }
        }
        if (inst != null || Integer.compareUnsigned(r.tag(), Tags.SOPInstanceUID) > 0
            && r.depth() <= 1) {
          break;
        }
      }
      FileMeta m = r.fileMeta();
      if ((cls == null || cls.isEmpty()) && m != null) {
        cls = m.mediaStorageSopClassUid();
      }
      if ((inst == null || inst.isEmpty()) && m != null) {
        inst = m.mediaStorageSopInstanceUid();
      }
    }
    if (cls == null || cls.isEmpty() || inst == null || inst.isEmpty()) {
      throw new DicomParseException(MISSING_UID, -1,
          "no SOP Class UID or SOP Instance UID in the data set or the file meta");
    }
    return new String[] {cls, inst};
  }

  /** One pass over one file. */
  private final class Run {
    private final DicomReader r;
    private final DicomWriter w;
    /** Told where Pixel Data starts, when the output is to be spliced; else null. */
    private final DeflateSplice splice;
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

    Run(DicomReader r, DicomWriter w, Subject subject, DeflateSplice splice, LastCheck check) {
      this.r = r;
      this.w = w;
      this.splice = splice;
      this.check = check;
      this.dateOffset = config.shiftDates() ? keyed.dateOffsetDays(subject.mrn()) : 0;
      this.pending = DeidRecord.inserts(patientName(subject), subject.subjectId(),
          config.options());
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
            throw new DicomParseException(MALFORMED, r.offset(),
                "unexpected " + e + " in a data set");
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
      while (!pending.isEmpty() && (beforeTag == -1
          || Integer.compareUnsigned(pending.firstKey(), beforeTag) < 0)) {
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
      if (top && splice != null && Tags.isPixelData(tag)) {
        splice.markUnchangedFrom(r, r.offset()); // Pixel Data is kept (PS3.15 E.1-1 K)
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
      if (op == Op.KEEP && tag == Tags.CodeMeaning && !config.keepUnlistedText()
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
        throw new DicomParseException(TOO_LARGE, r.offset(), "value of " + Tags.toString(r.tag())
            + " is " + r.length() + " bytes, too long for its VR");
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

    private void sequence(boolean top) throws IOException {
      int tag = r.tag();
      int depth = r.depth();
      levels.peek().inOrder(tag, r);
      if (top && Integer.compareUnsigned(tag, LastCheck.lastWanted()) >= 0) {
        check.ready();
      }
      if (top && topLevel(tag)) {
        skipUntilClosed(depth);
        return;
      }
      Op op;
      if (Tags.isPrivate(tag)) {
        String creator =
            levels.peek().creators.get(((tag >>> 16) << 8) | ((tag >> 8) & 0xff));
        boolean keep = config.options().contains(ProfileOption.RETAIN_SAFE_PRIVATE)
            && !Tags.isPrivateCreator(tag) && safePrivate.isSafe(creator, tag);
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
          sequences.push(new OpenItem.Sequence(op == Op.CLEAN || levels.peek().cleaning,
              levels.peek().path + LastCheck.path(tag), new int[1]));
          break;
        default:
          throw new IllegalStateException(op.name());
      }
    }

    /** Encapsulated data: Pixel Data is kept; any other undefined-length OB/OW follows the rules. */
    private void fragments(boolean top) throws IOException {
      int tag = r.tag();
      int depth = r.depth();
      levels.peek().inOrder(tag, r);
      if (top && Integer.compareUnsigned(tag, LastCheck.lastWanted()) >= 0) {
        check.ready();
      }
      boolean keep = Tags.isPixelData(tag) && top || !Tags.isPrivate(tag)
          && rules.decide(tag, r.vr(), levels.peek().cleaning) == Op.KEEP;
      if (top) {
        flushPending(tag);
      }
      if (!keep) {
        skipUntilClosed(depth);
        return;
      }
      if (top && splice != null && Tags.isPixelData(tag)) {
        splice.markUnchangedFrom(r, r.offset());
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
          throw new DicomParseException(TRUNCATED, r.position(),
              "data set ended inside a sequence");
        }
        if ((e == Event.SEQUENCE_END || e == Event.FRAGMENTS_END) && r.depth() == depth - 1) {
          return;
        }
      }
    }
  }
}
