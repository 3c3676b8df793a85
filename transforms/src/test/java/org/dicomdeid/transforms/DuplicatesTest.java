package org.dicomdeid.transforms;

import static org.dicomdeid.transforms.Records.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicatesTest {
  @Test
  void theFirstPathOfEachInstanceIsKept() {
    HeaderRecord a = record("/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921");
    HeaderRecord b = record("/b", "KU1", "1.1", "1.1.1", "1.1.1.2", "20220921");
    HeaderRecord c = record("/c", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921");
    HeaderRecord d = record("/d", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921");
    Duplicates.Split split = Duplicates.of(List.of(a, b, c, d));
    assertEquals(List.of(a, b), split.kept());
    assertEquals(List.of(c, d), split.duplicates());
  }

  @Test
  void aSeriesWithoutDuplicatesIsKeptWhole() {
    List<HeaderRecord> series =
        List.of(
            record("/a", "KU1", "1.1", "1.1.1", "1.1.1.1", "20220921"),
            record("/b", "KU1", "1.1", "1.1.1", "1.1.1.2", "20220921"));
    assertEquals(new Duplicates.Split(series, List.of()), Duplicates.of(series));
  }
}
