package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProfileOptionTest {

  @ParameterizedTest
  @EnumSource(value = ProfileOption.class, names = "BASIC", mode = EnumSource.Mode.EXCLUDE)
  void byNameRoundTrips(ProfileOption o) {
    assertTrue(o.selectable());
    assertSame(o, ProfileOption.byName(o.optionName()));
  }

  @Test
  void basicIsNotSelectable() {
    assertFalse(ProfileOption.BASIC.selectable());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProfileOption.byName("basic"));
    assertTrue(e.getMessage().contains("always applied"), e.getMessage());
  }

  @Test
  void unknownNameListsValidNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProfileOption.byName("retainDates"));
    String msg = e.getMessage();
    assertTrue(msg.contains("'retainDates'"), msg);
    for (ProfileOption o : ProfileOption.values()) {
      // retainUids is a selectable column of the table but DeidConfig refuses it: not listed
      boolean offered = o.selectable() && o != ProfileOption.RETAIN_UIDS;
      assertEquals(offered, msg.contains(o.optionName() + ""), o + ": " + msg);
    }
  }

  @Test
  void byNameIsCaseSensitive() {
    assertThrows(IllegalArgumentException.class, () -> ProfileOption.byName("RETAIN_UIDS"));
    assertThrows(IllegalArgumentException.class, () -> ProfileOption.byName(null));
  }

  /** PS3.16 CID 7050, code value and meaning as the context group words them. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "BASIC|113100|Basic Application Confidentiality Profile|basic",
        "RETAIN_SAFE_PRIVATE|113111|Retain Safe Private Option|retain_safe_private",
        "RETAIN_UIDS|113110|Retain UIDs Option|retain_uids",
        "RETAIN_DEVICE_IDENTITY|113109|Retain Device Identity Option|retain_device_identity",
        "RETAIN_INSTITUTION_IDENTITY|113112|Retain Institution Identity Option"
            + "|retain_institution_identity",
        "RETAIN_PATIENT_CHARACTERISTICS|113108|Retain Patient Characteristics Option"
            + "|retain_patient_characteristics",
        "RETAIN_LONG_FULL_DATES|113106"
            + "|Retain Longitudinal Temporal Information Full Dates Option|retain_long_full_dates",
        "RETAIN_LONG_MODIFIED_DATES|113107"
            + "|Retain Longitudinal Temporal Information Modified Dates Option"
            + "|retain_long_modified_dates",
        "CLEAN_DESCRIPTORS|113105|Clean Descriptors Option|clean_descriptors",
        "CLEAN_STRUCTURED_CONTENT|113104|Clean Structured Content Option|clean_structured_content",
        "CLEAN_GRAPHICS|113103|Clean Graphics Option|clean_graphics"
      })
  void codesFollowCid7050(ProfileOption o, String code, String meaning, String column) {
    assertEquals(code, o.codeValue());
    assertEquals(meaning, o.codeMeaning());
    assertEquals(column, o.column());
  }

  @Test
  void namesCodesAndColumnsAreUnique() {
    int n = ProfileOption.values().length;
    assertEquals(11, n);
    assertEquals(n, distinct(ProfileOption::optionName));
    assertEquals(n, distinct(ProfileOption::codeValue));
    assertEquals(n, distinct(ProfileOption::codeMeaning));
    assertEquals(n, distinct(ProfileOption::column));
    assertEquals("DCM", ProfileOption.CODING_SCHEME_DESIGNATOR);
  }

  private static int distinct(Function<ProfileOption, String> f) {
    Set<String> s = new HashSet<>();
    Arrays.stream(ProfileOption.values()).map(f).forEach(s::add);
    return s.size();
  }
}
