package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.dicomdeid.rules.DicomHeader;

/**
 * One matched DICOM file as the header pass saw it: its path, size and header. After
 * {@link GroupBySeries} the header's CT date is the study's and {@code note} may say that the
 * folder name disagrees with the DICOM values. PHI side: never logged.
 */
public record HeaderRecord(String path, long size, DicomHeader header, String note)
    implements Serializable {
  public HeaderRecord {
    note = note == null ? "" : note;
  }

  public String mrn() {
    return header.patientId();
  }

  public String ctDate() {
    return header.ctDate();
  }

  /** The same file with the study's CT date and a note for the report. */
  public HeaderRecord withStudyDate(String studyCtDate, String newNote) {
    return with(header.patientId(), studyCtDate, newNote);
  }

  /** The same file with the MRN taken from elsewhere (its visit folder) and a note. */
  public HeaderRecord withMrn(String mrn, String newNote) {
    return with(mrn, header.ctDate(), newNote);
  }

  private HeaderRecord with(String patientId, String ctDate, String newNote) {
    DicomHeader h = header;
    return new HeaderRecord(path, size, new DicomHeader(h.transferSyntaxUid(), h.sopClassUid(),
        h.studyInstanceUid(), h.seriesInstanceUid(), h.sopInstanceUid(), patientId, ctDate,
        h.ctDateSource(), h.modality(), h.burnedInAnnotation(), h.hasFileMeta()), newNote);
  }

  @Override
  public String toString() {
    return "HeaderRecord[identifiers withheld]";
  }

  /** Deterministic: fields in declaration order, strings as length-prefixed UTF-8. */
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
      for (String s : new String[] {h.transferSyntaxUid(), h.sopClassUid(), h.studyInstanceUid(),
          h.seriesInstanceUid(), h.sopInstanceUid(), h.patientId(), h.ctDate(), h.ctDateSource(),
          h.modality(), h.burnedInAnnotation()}) {
        S.encode(s == null ? "" : s, out);
      }
      BooleanCoder.of().encode(h.hasFileMeta(), out);
      S.encode(r.note(), out);
    }

    /**
     * The values last decoded on this thread, field by field. Records travel in runs of one
     * series and study, so most of their strings (transfer syntax, SOP class, study and series
     * UIDs, MRN, date, modality, note) equal the previous record's: the decoded record then
     * shares that String instead of holding its own copy. A grouping holds every record of its
     * key in memory (the DirectRunner holds all of them), and this makes a record about a third
     * of its size.
     */
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[11]);

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
      DicomHeader h = new DicomHeader(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
          meta);
      return new HeaderRecord(path, size, h, shared(last, 10, S.decode(in)));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
