package org.dicomdeid.transforms;

import java.util.Locale;

/** What happened to one input path; the report's status column. */
public enum Status {
  /** De-identified and written to the output tree. */
  WRITTEN,
  /**
   * De-identified, and the output tree already held a file with exactly these bytes (a rerun, a
   * batch given twice): left alone, its mtime unchanged. In the output tree like WRITTEN.
   */
  UNCHANGED,
  /** Not DICOM: reported, not processed. */
  SKIPPED,
  /** May carry burned-in text in its pixels: held back unless --allowBurnedIn. */
  QUARANTINED,
  /** Could not be processed; the reason says why. Nothing of it reached the output tree. */
  FAILED;

  /** The word written in the report, e.g. {@code written}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
