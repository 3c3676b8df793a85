package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.dicomdeid.rules.DicomHeader;

/**
 * One matched DICOM file as the header pass saw it: its path, size and header. After {@link
 * GroupBySeries} the header's CT date is the study's and {@code notes} may say that the folder name
 * disagrees with the DICOM values. PHI side: never logged.
 */
public record HeaderRecord(String path, long size, DicomHeader header, List<Reason> notes)
    implements Serializable {
  public HeaderRecord {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public String mrn() {
    return header.patientId();
  }

  public String ctDate() {
    return header.ctDate();
  }

  /** The same file with the study's CT date and its notes for the report. */
  public HeaderRecord withStudyDate(String studyCtDate, List<Reason> newNotes) {
    return with(header.patientId(), studyCtDate, newNotes);
  }

  /** The same file with the MRN taken from elsewhere (its visit folder) and its notes. */
  public HeaderRecord withMrn(String mrn, List<Reason> newNotes) {
    return with(mrn, header.ctDate(), newNotes);
  }

  private HeaderRecord with(String patientId, String ctDate, List<Reason> newNotes) {
    DicomHeader h = header;
    return new HeaderRecord(
        path,
        size,
        new DicomHeader(
            h.transferSyntaxUid(),
            h.sopClassUid(),
            h.studyInstanceUid(),
            h.seriesInstanceUid(),
            h.sopInstanceUid(),
            patientId,
            ctDate,
            h.ctDateSource(),
            h.modality(),
            h.burnedInAnnotation(),
            h.hasFileMeta()),
        newNotes);
  }

  @Override
  public String toString() {
    return "HeaderRecord[identifiers withheld]";
  }

  /**
   * Deterministic: fields in declaration order, strings as length-prefixed UTF-8, notes as {@link
   * Reason#encode} writes them.
   */
  public static final class HeaderRecordCoder extends AtomicCoder<HeaderRecord> {
    private static final HeaderRecordCoder INSTANCE = new HeaderRecordCoder();
    private static final StringUtf8Coder S = StringUtf8Coder.of();

    public static HeaderRecordCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(HeaderRecord r, OutputStream out) throws IOException {
      S.encode(r.path(), out);
      VarLongCoder.of().encode(r.size(), out);
      DicomHeader h = r.header();
      for (String s :
          new String[] {
            h.transferSyntaxUid(),
            h.sopClassUid(),
            h.studyInstanceUid(),
            h.seriesInstanceUid(),
            h.sopInstanceUid(),
            h.patientId(),
            h.ctDate(),
            h.ctDateSource(),
            h.modality(),
            h.burnedInAnnotation()
          }) {
        S.encode(s == null ? "" : s, out);
      }
      BooleanCoder.of().encode(h.hasFileMeta(), out);
      Reason.encode(r.notes(), out);
    }

    /**
     * The values last decoded on this thread, field by field. Records travel in runs of one series
     * and study, so most of their strings (transfer syntax, SOP class, study and series UIDs, MRN,
     * date, modality, notes) equal the previous record's: the decoded record then shares that
     * String (or list of notes) instead of holding its own copy. A grouping holds every record of
     * its key in memory (the DirectRunner holds all of them), and this makes a record about a third
     * of its size.
     */
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[10]);

    private static final ThreadLocal<List<Reason>> LAST_NOTES = ThreadLocal.withInitial(List::of);

    private static String shared(String[] last, int field, String value) {
      if (value.equals(last[field])) {
        return last[field];
      }
      last[field] = value;
      return value;
    }

    @Override
    public HeaderRecord decode(InputStream in) throws IOException {
      String[] last = LAST.get();
      String path = S.decode(in);
      long size = VarLongCoder.of().decode(in);
      String[] v = new String[10];
      for (int i = 0; i < v.length; i++) {
        // the SOP Instance UID (4) is unique to the file: nothing to share
        v[i] = i == 4 ? S.decode(in) : shared(last, i, S.decode(in));
      }
      boolean meta = BooleanCoder.of().decode(in);
      DicomHeader h =
          new DicomHeader(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], meta);
      List<Reason> notes = Reason.decode(in);
      if (notes.equals(LAST_NOTES.get())) {
        notes = LAST_NOTES.get();
      } else {
        LAST_NOTES.set(notes);
      }
      return new HeaderRecord(path, size, h, notes);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
