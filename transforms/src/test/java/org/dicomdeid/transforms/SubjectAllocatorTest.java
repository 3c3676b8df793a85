package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.dicomdeid.rules.Keyed;
import org.junit.jupiter.api.Test;

class SubjectAllocatorTest {
  private static final Keyed KEY = new Keyed(new byte[32]);

  @Test
  void sameInputsSameSubjectsWhateverTheOrder() {
    SubjectAllocator a = new SubjectAllocator(KEY, "SUBJ", 6);
    Map<String, String> one = a.assign(Map.of(), List.of("KU1", "KU2", "KU3"));
    Map<String, String> two = a.assign(Map.of(), List.of("KU3", "KU1", "KU2", "KU1"));
    assertEquals(one, two);
    assertEquals(3, new HashSet<>(one.values()).size());
    one.values().forEach(s -> assertTrue(s.matches("SUBJ\\d{6}"), s));
  }

  @Test
  void previousSubjectsAreKeptAndNeverReused() {
    SubjectAllocator a = new SubjectAllocator(KEY, "S", 1);
    Map<String, String> previous = Map.of("KU1", "S7", "KU2", "S3");
    Map<String, String> m = a.assign(previous, List.of("KU1", "KU9", "KU8"));
    assertEquals("S7", m.get("KU1"));
    assertEquals("S3", m.get("KU2"));
    assertEquals(4, new HashSet<>(m.values()).size());
    assertNotEquals("S7", m.get("KU9"));
  }

  @Test
  void refusesToFillMoreThanHalfTheNumberSpace() {
    SubjectAllocator a = new SubjectAllocator(KEY, "S", 1);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> a.assign(Map.of(), List.of("A", "B", "C", "D", "E", "F")));
    assertTrue(e.getMessage().contains("--subjectDigits"), e.getMessage());
    assertEquals(5, a.assign(Map.of(), List.of("A", "B", "C", "D", "E")).size());
  }
}
