package org.dicomdeid.transforms;

import java.util.List;
import java.util.Optional;

/**
 * A study whose series disagree on MRN fails as a whole: its files cannot share one subject and one
 * visit.
 */
final class StudyCheck {
  private StudyCheck() {}

  /** Why the files of one study fail together, or empty. */
  static Optional<Reason> problem(List<HeaderRecord> study) {
    String mrn = study.get(0).mrn();
    for (HeaderRecord r : study) {
      if (!r.mrn().equals(mrn)) {
        return Optional.of(Reason.of(Reason.Kind.STUDY_MRN_CONFLICT));
      }
    }
    return Optional.empty();
  }
}
