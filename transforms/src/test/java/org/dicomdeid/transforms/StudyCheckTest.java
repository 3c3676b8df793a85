package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudyCheckTest {
  @Test
  void seriesOfOneMrnPass() {
    assertEquals(
        Optional.empty(),
        StudyCheck.problem(
            List.of(
                record("/1", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"),
                record("/2", "KU1", "1.1", "1.1.2", "1.1.2.1", "20220921"))));
  }

  @Test
  void seriesOfTwoMrnsFail() {
    assertEquals(
        Optional.of(Reason.of(Reason.Kind.STUDY_MRN_CONFLICT)),
        StudyCheck.problem(
            List.of(
                record("/1", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"),
                record("/2", "KU2", "1.1", "1.1.2", "1.1.2.1", "20220921"))));
  }
}
