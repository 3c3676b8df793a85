package org.dicomdeid.rules;

import java.io.Serializable;

/**
 * Who a file belongs to after de-identification: the research subject ID and the real CT date
 * (YYYYMMDD) of the visit. The MRN is carried only to derive the keyed date shift; it is never
 * written to the output.
 */
public record Subject(String subjectId, String mrn, String ctDate) implements Serializable {
  public Subject {
    if (subjectId == null || subjectId.isEmpty()) {
      throw new IllegalArgumentException("subject ID is empty");
    }
    if (ctDate == null || !ctDate.matches("\\d{8}")) {
      throw new IllegalArgumentException("CT date must be YYYYMMDD");
    }
  }

  @Override
  public String toString() {
    return "Subject[" + subjectId + "]";
  }
}
