package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ActionTest {
  private static final Set<Action> SINGLE =
      EnumSet.of(Action.D, Action.Z, Action.X, Action.K, Action.C, Action.U);

  @ParameterizedTest
  @CsvSource({
    "D, D",
    "Z, Z",
    "X, X",
    "K, K",
    "C, C",
    "U, U",
    "Z/D, Z_D",
    "X/Z, X_Z",
    "X/D, X_D",
    "X/Z/D, X_Z_D",
    "X/Z/U*, X_Z_U_STAR"
  })
  void parsesEveryE11Code(String code, Action expected) {
    assertSame(expected, Action.parse(code));
    assertEquals(code, expected.code());
  }

  @Test
  void parseIgnoresSurroundingSpace() {
    assertSame(Action.X_Z, Action.parse(" X/Z "));
  }

  @ParameterizedTest
  @CsvSource({"Z_D, D", "X_Z, Z", "X_D, D", "X_Z_D, D", "X_Z_U_STAR, U"})
  void combinedCodesResolve(Action combined, Action expected) {
    assertTrue(combined.isCombined());
    assertSame(expected, combined.resolve());
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void everyCodeResolvesToASingleAction(Action a) {
    assertTrue(SINGLE.contains(a.resolve()), a + " -> " + a.resolve());
    assertSame(a.resolve(), a.resolve().resolve());
    assertEquals(!SINGLE.contains(a), a.isCombined());
  }

  @Test
  void singleActionsResolveToThemselves() {
    for (Action a : SINGLE) {
      assertSame(a, a.resolve());
      assertFalse(a.isCombined());
    }
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "x", "X/U", "Z/X", "U*", "KEEP"})
  void rejectsUnknownCodes(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Action.parse(code));
    assertTrue(e.getMessage().contains("PS3.15 E.1.1"));
  }

  @Test
  void rejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> Action.parse(null));
  }
}
