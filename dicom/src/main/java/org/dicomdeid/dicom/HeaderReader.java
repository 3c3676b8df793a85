package org.dicomdeid.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the top-level attributes the pipeline needs and stops at Pixel Data (or at the end of the
 * data set) without reading its bytes. Sequences are skipped value by value.
 */
public final class HeaderReader {
  /**
   * Sources of the CT date, in order of preference: the four DA attributes of the image, then
   * what other objects keep (AcquisitionDateTime; the enhanced multi-frame functional groups'
   * FrameAcquisitionDateTime and FrameReferenceDateTime, PS3.3 C.7.6.16.2.2; the instance's
   * creation date). README, "How a run decides".
   */
  static final int[] CT_DATE_SOURCES = {
    Tags.AcquisitionDate, Tags.ContentDate, Tags.SeriesDate, Tags.StudyDate,
    Tags.AcquisitionDateTime, Tags.FrameAcquisitionDateTime, Tags.FrameReferenceDateTime,
    Tags.InstanceCreationDate
  };

  /** How many of {@link #CT_DATE_SOURCES} are the usual ones, taken without a note. */
  public static final int USUAL_DATE_SOURCES = 4;

  private static final int[] WANTED = {
    Tags.SOPClassUID, Tags.SOPInstanceUID, Tags.StudyInstanceUID, Tags.SeriesInstanceUID,
    Tags.PatientID, Tags.Modality, Tags.BurnedInAnnotation, Tags.AcquisitionDate,
    Tags.ContentDate, Tags.SeriesDate, Tags.StudyDate, Tags.AcquisitionDateTime,
    Tags.InstanceCreationDate
  };

  private HeaderReader() {}

  /** Parses the header of {@code in} ({@code size} bytes, or -1 if unknown). */
  public static DicomHeader read(InputStream in, long size) throws IOException {
    return read(DicomReader.open(in, size));
  }

  public static DicomHeader read(DicomReader r) throws IOException {
    Map<Integer, String> found = new HashMap<>();
    java.util.ArrayDeque<Integer> sequences = new java.util.ArrayDeque<>();
    for (DicomReader.Event e = r.next(); e != DicomReader.Event.END; e = r.next()) {
      if (r.depth() == 0 && e == DicomReader.Event.ELEMENT && Tags.isPixelData(r.tag())) {
        break;
      }
      if (e == DicomReader.Event.FRAGMENTS_START && r.depth() == 1) {
        break;
      }
      if (e == DicomReader.Event.SEQUENCE_START) {
        sequences.push(r.tag());
      } else if (e == DicomReader.Event.SEQUENCE_END) {
        sequences.pop();
      } else if (e == DicomReader.Event.ELEMENT && r.depth() == 0 && isWanted(r.tag())
          && r.length() <= 1024) {
        found.put(r.tag(), Values.string(r.readValue()).trim());
      } else if (e == DicomReader.Event.ELEMENT && isFrameDateTime(r.tag(), sequences)
          && r.length() <= 64) {
        // The earliest frame's: a study's CT date is its earliest too.
        String v = Values.string(r.readValue()).trim();
        String d = normaliseDate(v);
        String earliest = normaliseDate(found.get(r.tag()));
        if (!d.isEmpty() && (earliest.isEmpty() || d.compareTo(earliest) < 0)) {
          found.put(r.tag(), v);
        }
      }
    }
    FileMeta meta = r.fileMeta();
    String sopClass = found.getOrDefault(Tags.SOPClassUID,
        meta == null ? "" : nullToEmpty(meta.mediaStorageSopClassUid()));
    String sopInstance = found.getOrDefault(Tags.SOPInstanceUID,
        meta == null ? "" : nullToEmpty(meta.mediaStorageSopInstanceUid()));
    String ctDate = "";
    String source = "";
    for (int t : CT_DATE_SOURCES) {
      String d = normaliseDate(found.get(t));
      if (!d.isEmpty()) {
        ctDate = d;
        source = ElementDictionary.keywordOf(t)
            + (found.get(t).matches("\\d{4}\\.\\d{2}\\.\\d{2}.*") ? " (YYYY.MM.DD)" : "");
        break;
      }
    }
    return new DicomHeader(r.transferSyntax().uid(), sopClass,
        found.getOrDefault(Tags.StudyInstanceUID, ""),
        found.getOrDefault(Tags.SeriesInstanceUID, ""), sopInstance,
        found.getOrDefault(Tags.PatientID, ""), ctDate, source,
        found.getOrDefault(Tags.Modality, "").toUpperCase(java.util.Locale.ROOT),
        found.getOrDefault(Tags.BurnedInAnnotation, "").toUpperCase(java.util.Locale.ROOT),
        meta != null);
  }

  /**
   * FrameAcquisitionDateTime or FrameReferenceDateTime in a Frame Content Sequence item of the
   * shared or per-frame functional groups (PS3.3 C.7.6.16.2.2), which come before Pixel Data.
   */
  private static boolean isFrameDateTime(int tag, java.util.ArrayDeque<Integer> sequences) {
    if (tag != Tags.FrameAcquisitionDateTime && tag != Tags.FrameReferenceDateTime
        || sequences.size() != 2 || sequences.peekFirst() != Tags.FrameContentSequence) {
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

  /**
   * A DA value as YYYYMMDD, or "" if it is not a valid date. Accepts the retired ACR-NEMA form
   * YYYY.MM.DD (PS3.5 6.2 note) and the date part of a DT.
   */
  public static String normaliseDate(String v) {
    if (v == null) {
      return "";
    }
    String s = v.trim().replace(".", "");
    if (s.length() < 8) {
      return "";
    }
    s = s.substring(0, 8);
    for (int i = 0; i < 8; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return "";
      }
    }
    try {
      java.time.LocalDate.parse(s, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    } catch (java.time.DateTimeException e) {
      return "";
    }
    return s;
  }
}
