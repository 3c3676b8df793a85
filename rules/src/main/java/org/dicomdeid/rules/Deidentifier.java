package org.dicomdeid.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.deflate.DataSetEncoder;
import org.dicomdeid.dicom.deflate.DataSetPass;
import org.dicomdeid.dicom.deflate.DeflateSplice;
import org.dicomdeid.dicom.io.InputOpener;
import org.dicomdeid.dicom.io.SinkBufferedOutputStream;

/**
 * The de-identification engine: streams one file through the rules ({@link RewritePass}) and writes
 * the result as Part 10 in the input's transfer syntax ({@link DataSetEncoder}). Header values are
 * rewritten in memory; Pixel Data and other large values are streamed, never held whole.
 * Thread-safe: all state is per call.
 */
public final class Deidentifier {
  private final RuleSet rules;
  private final OutputDates dates;
  private final DataSetEncoder encoder;

  /** False only to measure what the last check costs ({@code LastCheckCost}). */
  private final boolean lastCheck;

  private final LongAdder splicedFiles = new LongAdder();

  public Deidentifier(DeidConfig config) {
    this(config, SafePrivate.standard());
  }

  /** With another safe-private list than the shipped one (tests of the mechanism). */
  Deidentifier(DeidConfig config, SafePrivate safePrivate) {
    this(config, safePrivate, DataSetEncoder.splicing(), true);
  }

  /**
   * With another encoder ({@link DataSetEncoder#whole()}: the tests' reference for the splice), and
   * without the last check when {@code lastCheck} is false.
   */
  Deidentifier(
      DeidConfig config, SafePrivate safePrivate, DataSetEncoder encoder, boolean lastCheck) {
    this.rules = new RuleSet(config, safePrivate);
    this.dates = new OutputDates(config.shiftDates(), rules.keyed());
    this.encoder = encoder;
    this.lastCheck = lastCheck;
  }

  public Keyed keyed() {
    return rules.keyed();
  }

  /** The CT date as written to the output: real, or shifted by the subject's keyed offset. */
  public String outputDate(String yyyymmdd, String mrn) {
    return dates.outputDate(yyyymmdd, mrn);
  }

  /** What the engine does with its options, in words (the README shows it). */
  public String describe() {
    return Description.of(rules.config());
  }

  /**
   * Rewrites one file: reads it from {@code source} ({@code size} bytes, -1 if unknown; opened
   * twice: a short pre-scan for the SOP UIDs that the file meta must carry, then the streaming
   * pass; a deflated file once or twice more, see {@link DeflateSplice}) and writes the
   * de-identified Part 10 file to out. Throws {@link DicomParseException} for input that cannot be
   * parsed; nothing is promised about {@code out} then, so callers write to a temporary file and
   * discard it. Returns the defects of the input that were read through, for the report ({@link
   * DicomReader#recoveries()}; empty for a well-formed file).
   */
  public List<String> deidentify(InputOpener source, long size, OutputStream out, Subject subject)
      throws IOException {
    return deidentify(source, size, out, subject, SopUids.prescan(source, size));
  }

  /**
   * The same, for a caller that has already read the file's header ({@link HeaderFacts} takes the
   * SOP UIDs from the data set, else the file meta, as the pre-scan does): the file is then opened
   * once.
   */
  public List<String> deidentify(
      InputOpener source, long size, OutputStream out, Subject subject, DicomHeader header)
      throws IOException {
    SopUids sop = SopUids.of(header);
    if (sop == null) {
      return deidentify(source, size, out, subject);
    }
    return deidentify(source, size, out, subject, sop);
  }

  private List<String> deidentify(
      InputOpener source, long size, OutputStream out, Subject subject, SopUids sop)
      throws IOException {
    int dateOffset = dates.offsetDays(subject.mrn());
    String patientName = dates.patientName(subject);
    DataSetPass pass =
        (r, w, mark) ->
            new RewritePass(rules, r, w, mark, check(subject), subject, dateOffset, patientName)
                .dataSet();
    // Passes bulk-value transfers on when out can take them (ChannelSink).
    OutputStream buffered = new SinkBufferedOutputStream(out, 64 * 1024);
    DataSetEncoder.Encoded encoded =
        encoder.encode(source, size, buffered, sop.fileMeta(rules.keyed()), pass);
    if (encoded.spliced()) {
      splicedFiles.increment();
    }
    return encoded.recoveries();
  }

  private LastCheck check(Subject subject) {
    return lastCheck ? LastCheck.forMrn(subject.mrn()) : LastCheck.NONE;
  }

  /**
   * How many deflated files this engine has rewritten by deflating only their changed head ({@link
   * DeflateSplice}); the others were deflated whole.
   */
  public long splicedDeflatedFiles() {
    return splicedFiles.sum();
  }
}
