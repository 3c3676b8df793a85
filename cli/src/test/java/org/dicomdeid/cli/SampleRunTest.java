package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample run (no --input) ends as the README says: status 0, the next command printed. */
class SampleRunTest {
  @Test
  void theSampleRunExitsZeroAndSaysWhatToRunNext() {
    CliRuns.Result r = CliRuns.main("--progress=false");
    assertEquals(0, r.status(), r.out() + r.err());
    List<String> lines = r.out().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(
        lines
            .get(lines.size() - 2)
            .startsWith(
                "the 2 failed inputs are the sample's "
                    + "broken files, planted on purpose: exit status 0"),
        r.out());
    for (CliOption o : CliOption.values()) {
      if (o.requiredWithInput() || o == CliOption.INPUT) {
        assertTrue(last.contains(" --" + o.name + "="), o.name + " in: " + last);
      }
    }
    assertTrue(r.out().contains(" written, 0 unchanged"), r.out());
  }
}
