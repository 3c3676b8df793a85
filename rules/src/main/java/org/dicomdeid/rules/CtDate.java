package org.dicomdeid.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.Tags;

/**
 * Which date of a file is its CT date (README, "How a run decides").
 *
 * @param date the CT date as YYYYMMDD, or "" when the file has none
 * @param source keyword of the attribute it came from (with " (YYYY.MM.DD)" for an ACR-NEMA date),
 *     or ""
 */
public record CtDate(String date, String source) {
  /**
   * Sources of the CT date, in order of preference: the four DA attributes of the image, then what
   * other objects keep (AcquisitionDateTime; the enhanced multi-frame functional groups'
   * FrameAcquisitionDateTime and FrameReferenceDateTime, PS3.3 C.7.6.16.2.2; the instance's
   * creation date).
   */
  static final int[] SOURCES = {
    Tags.AcquisitionDate,
    Tags.ContentDate,
    Tags.SeriesDate,
    Tags.StudyDate,
    Tags.AcquisitionDateTime,
    Tags.FrameAcquisitionDateTime,
    Tags.FrameReferenceDateTime,
    Tags.InstanceCreationDate
  };

  static final CtDate NONE = new CtDate("", "");

  /** The first valid date among {@link #SOURCES} in {@code values} (tag to value). */
  static CtDate of(Map<Integer, String> values) {
    for (int t : SOURCES) {
      String d = normalise(values.get(t));
      if (!d.isEmpty()) {
        return new CtDate(
            d,
            ElementDictionary.keywordOf(t)
                + (values.get(t).matches("\\d{4}\\.\\d{2}\\.\\d{2}.*") ? " (YYYY.MM.DD)" : ""));
      }
    }
    return NONE;
  }

  /**
   * A DA value as YYYYMMDD, or "" if it is not a valid date. Accepts the retired ACR-NEMA form
   * YYYY.MM.DD (PS3.5 6.2 note) and the date part of a DT.
   */
  public static String normalise(String v) {
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
      LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeException e) {
      return "";
    }
    return s;
  }
}
