package org.dicomdeid.rules;

import java.io.Serializable;

/**
 * What the pipeline needs to know about a file before rewriting it, read by a header-only pass.
 * Holds identifiers (PatientID is the MRN): it stays on the PHI side and is never logged.
 *
 * @param ctDate the CT date as YYYYMMDD, or "" when the file has none
 * @param ctDateSource keyword of the attribute the CT date came from, or ""
 * @param burnedInAnnotation the value of (0028,0301), upper case, or ""
 */
public record DicomHeader(
    String transferSyntaxUid,
    String sopClassUid,
    String studyInstanceUid,
    String seriesInstanceUid,
    String sopInstanceUid,
    String patientId,
    String ctDate,
    String ctDateSource,
    String modality,
    String burnedInAnnotation,
    boolean hasFileMeta)
    implements Serializable {

  @Override
  public String toString() {
    return "DicomHeader[identifiers withheld]";
  }
}
