package org.dicomdeid.transforms;

import java.util.Locale;

/** What happened to one input path; the report's status column. */
public enum Status {
  /** De-identified and written to the output tree (or an identical file was already there). */
  WRITTEN,
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
