package org.dicomdeid.transforms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Duplicate SOP Instance UIDs within one series: the same instance exported twice. The file with
 * the smallest path goes on, the others fail. The same UID in two different series (a broken
 * export) is not a duplicate here: it is written twice, in the two series' folders.
 */
final class Duplicates {
  /**
   * A series split in two.
   *
   * @param kept the first file (by path) of each SOP Instance UID, in path order
   * @param duplicates the other files, in path order
   */
  record Split(List<HeaderRecord> kept, List<HeaderRecord> duplicates) {}

  private Duplicates() {}

  /** Splits the files of one series, given sorted by path. */
  static Split of(List<HeaderRecord> series) {
    List<HeaderRecord> kept = new ArrayList<>();
    List<HeaderRecord> duplicates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (HeaderRecord r : series) {
      (seen.add(r.header().sopInstanceUid()) ? kept : duplicates).add(r);
    }
    return new Split(kept, duplicates);
  }
}
