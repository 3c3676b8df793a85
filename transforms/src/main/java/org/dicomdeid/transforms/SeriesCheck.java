package org.dicomdeid.transforms;

import java.util.List;
import java.util.Optional;

/**
 * A series must agree on MRN and on study across its files; one that does not fails as a whole: no
 * guess at which files are right.
 */
final class SeriesCheck {
  private SeriesCheck() {}

  /** Why the files of one series (without duplicates) fail together, or empty. */
  static Optional<Reason> problem(List<HeaderRecord> series) {
    HeaderRecord first = series.get(0);
    for (HeaderRecord r : series) {
      if (!r.mrn().equals(first.mrn())) {
        return Optional.of(Reason.of(Reason.Kind.SERIES_MRN_CONFLICT));
      }
      if (!r.header().studyInstanceUid().equals(first.header().studyInstanceUid())) {
        return Optional.of(Reason.of(Reason.Kind.SERIES_STUDY_CONFLICT));
      }
    }
    return Optional.empty();
  }
}
