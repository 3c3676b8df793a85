package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeriesCheckTest {
  @Test
  void aSeriesThatAgreesPasses() {
    assertEquals(
        Optional.empty(),
        SeriesCheck.problem(
            List.of(
                record("/1", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"),
                record("/2", "KU1", "1.1", "1.1.1", "1.1.1.2", "20220922"))));
  }

  @Test
  void aSeriesOfTwoMrnsFails() {
    assertEquals(
        Optional.of(Reason.of(Reason.Kind.SERIES_MRN_CONFLICT)),
        SeriesCheck.problem(
            List.of(
                record("/1", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"),
                record("/2", "KU2", "1.1", "1.1.1", "1.1.1.2", "20220921"))));
  }

  @Test
  void aSeriesOfTwoStudiesFails() {
    assertEquals(
        Optional.of(Reason.of(Reason.Kind.SERIES_STUDY_CONFLICT)),
        SeriesCheck.problem(
            List.of(
                record("/1", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"),
                record("/2", "KU1", "1.2", "1.1.1", "1.1.1.2", "20220921"))));
  }
}
