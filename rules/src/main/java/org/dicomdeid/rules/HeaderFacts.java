package org.dicomdeid.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.HeaderReader;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.Values;

/**
 * The facts the pipeline decides a file by, read by a header-only pass: its identifiers, its CT
 * date ({@link CtDate}) and what the burned-in check looks at (Modality, BurnedInAnnotation).
 */
public final class HeaderFacts implements HeaderReader.Handler {
  /** Top-level attributes kept, each up to {@link #TOP_LEVEL_LENGTH} bytes. */
  private static final int[] WANTED = {
    Tags.SOPClassUID, Tags.SOPInstanceUID, Tags.StudyInstanceUID, Tags.SeriesInstanceUID,
    Tags.PatientID, Tags.Modality, Tags.BurnedInAnnotation, Tags.AcquisitionDate,
    Tags.ContentDate, Tags.SeriesDate, Tags.StudyDate, Tags.AcquisitionDateTime,
    Tags.InstanceCreationDate
  };

  private static final int TOP_LEVEL_LENGTH = 1024;

  /** A DT is at most 26 bytes (PS3.5 Table 6.2-1); anything much longer is not a date. */
  private static final int FRAME_DATE_TIME_LENGTH = 64;

  private final Map<Integer, String> found = new HashMap<>();

  private HeaderFacts() {}

  /** Reads the header of {@code in} ({@code size} bytes, or -1 if unknown). */
  public static DicomHeader read(InputStream in, long size) throws IOException {
    return read(DicomReader.open(in, size));
  }

  /** Reads the header of {@code r}, stopping before Pixel Data. */
  public static DicomHeader read(DicomReader r) throws IOException {
    HeaderFacts facts = new HeaderFacts();
    HeaderReader.read(r, facts);
    return facts.header(r);
  }

  @Override
  public long maxLength(int tag, Deque<Integer> sequences) {
    if (sequences.isEmpty()) {
      return isWanted(tag) ? TOP_LEVEL_LENGTH : -1;
    }
    return isFrameDateTime(tag, sequences) ? FRAME_DATE_TIME_LENGTH : -1;
  }

  @Override
  public void value(int tag, Deque<Integer> sequences, byte[] value) {
    String v = Values.string(value).trim();
    if (sequences.isEmpty()) {
      found.put(tag, v);
      return;
    }
    // The earliest frame's: a study's CT date is its earliest too.
    String d = CtDate.normalise(v);
    String earliest = CtDate.normalise(found.get(tag));
    if (!d.isEmpty() && (earliest.isEmpty() || d.compareTo(earliest) < 0)) {
      found.put(tag, v);
    }
  }

  private DicomHeader header(DicomReader r) {
    FileMeta meta = r.fileMeta();
    String sopClass =
        found.getOrDefault(
            Tags.SOPClassUID, meta == null ? "" : nullToEmpty(meta.mediaStorageSopClassUid()));
    String sopInstance =
        found.getOrDefault(
            Tags.SOPInstanceUID,
            meta == null ? "" : nullToEmpty(meta.mediaStorageSopInstanceUid()));
    CtDate ctDate = CtDate.of(found);
    return new DicomHeader(
        r.transferSyntax().uid(),
        sopClass,
        found.getOrDefault(Tags.StudyInstanceUID, ""),
        found.getOrDefault(Tags.SeriesInstanceUID, ""),
        sopInstance,
        found.getOrDefault(Tags.PatientID, ""),
        ctDate.date(),
        ctDate.source(),
        found.getOrDefault(Tags.Modality, "").toUpperCase(Locale.ROOT),
        found.getOrDefault(Tags.BurnedInAnnotation, "").toUpperCase(Locale.ROOT),
        meta != null);
  }

  /**
   * FrameAcquisitionDateTime or FrameReferenceDateTime in a Frame Content Sequence item of the
   * shared or per-frame functional groups (PS3.3 C.7.6.16.2.2), which come before Pixel Data.
   */
  private static boolean isFrameDateTime(int tag, Deque<Integer> sequences) {
    if (tag != Tags.FrameAcquisitionDateTime && tag != Tags.FrameReferenceDateTime
        || sequences.size() != 2
        || sequences.peekFirst() != Tags.FrameContentSequence) {
      return false;
    }
    int groups = sequences.peekLast();
    return groups == Tags.SharedFunctionalGroupsSequence
        || groups == Tags.PerFrameFunctionalGroupsSequence;
  }

  private static boolean isWanted(int tag) {
    for (int t : WANTED) {
      if (t == tag) {
        return true;
      }
    }
    return false;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
