package org.dicomdeid.sample;

import java.nio.file.Path;

/**
 * One file the generator wrote. {@code kind} is "dicom" (a good CT image), "burnedIn" (a good file
 * that may carry text in its pixels), "bad" (DICOM that is truncated or lies about a length) or
 * "notDicom" (empty or text). UIDs and transfer syntax are "" where the file has none.
 */
public record GeneratedFile(
    Path path,
    String kind,
    String mrn,
    String ctDate,
    String studyUid,
    String seriesUid,
    String sopInstanceUid,
    String transferSyntaxUid) {

  public static final String DICOM = "dicom";
  public static final String BURNED_IN = "burnedIn";
  public static final String BAD = "bad";
  public static final String NOT_DICOM = "notDicom";

  /** True for the files a reader must accept: "dicom" and "burnedIn". */
  public boolean readable() {
    return kind.equals(DICOM) || kind.equals(BURNED_IN);
  }
}
