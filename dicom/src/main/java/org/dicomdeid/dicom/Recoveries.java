package org.dicomdeid.dicom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The defects of one input that {@link DicomReader} read through rather than refused, as dcm4che
 * and pydicom read them: each kind once, with a count, in words for the report (kinds and tags,
 * never values). Bounded: at most 16 kinds. Also checks the data set's group lengths (gggg,0000),
 * retired in the data set (PS3.5 7.2) and never written: one that disagrees with its group is
 * ignored and said.
 */
final class Recoveries {
  private static final int MAX_KINDS = 16;
  private final LinkedHashMap<String, Integer> seen = new LinkedHashMap<>();

  /** The group a top-level group length announced, or -1, and where it said the group ends. */
  private int lengthGroup = -1;

  private long lengthEnd;

  void add(String what) {
    if (seen.size() < MAX_KINDS || seen.containsKey(what)) {
      seen.merge(what, 1, Integer::sum);
    }
  }

  List<String> list() {
    List<String> out = new ArrayList<>();
    seen.forEach((what, n) -> out.add(n == 1 ? what : what + " (" + n + " times)"));
    return out;
  }

  /**
   * A top-level element of {@code tag} starts at {@code at}; {@code groupLength} is its value when
   * it is a group length (gggg,0000), else -1; {@code valueEnd} is where its value ends.
   */
  void topLevelElement(int tag, long at, long groupLength, long valueEnd) {
    if (lengthGroup >= 0 && tag >>> 16 != lengthGroup) {
      groupEnds(at);
    }
    if (groupLength >= 0) {
      lengthGroup = tag >>> 16;
      lengthEnd = valueEnd + groupLength;
    }
  }

  /** The data set ends at {@code at}. */
  void dataSetEnds(long at) {
    if (lengthGroup >= 0) {
      groupEnds(at);
    }
  }

  private void groupEnds(long at) {
    if (at != lengthEnd) {
      add(
          "group length ("
              + String.format("%04X", lengthGroup)
              + ",0000) disagrees with its"
              + " group: ignored");
    }
    lengthGroup = -1;
  }
}
