package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Real dates (113106) or a keyed per-subject shift (113107), PatientName included. */
class OutputDatesTest {
  private static final Keyed KEYED = new Keyed(DeidOutput.KEY);
  private static final Subject SUBJECT = new Subject("SUBJ0417", "KU39009", "20220921");

  @Test
  void realDatesAreKeptAndNamePatientNameWithTheCtDate() {
    OutputDates dates = new OutputDates(false, KEYED);
    assertEquals(0, dates.offsetDays("KU39009"));
    assertEquals("20220921", dates.outputDate("20220921", "KU39009"));
    assertEquals("SUBJ0417_20220921", dates.patientName(SUBJECT));
  }

  @Test
  void shiftedDatesMoveBackByTheSubjectsKeyedOffsetInPatientNameToo() {
    OutputDates dates = new OutputDates(true, KEYED);
    int offset = dates.offsetDays("KU39009");
    assertEquals(KEYED.dateOffsetDays("KU39009"), offset);
    assertTrue(offset <= -1 && offset >= -3650, "offset " + offset);
    String shifted = dates.outputDate("20220921", "KU39009");
    LocalDate real = LocalDate.of(2022, 9, 21);
    assertEquals(
        offset,
        ChronoUnit.DAYS.between(real, LocalDate.parse(shifted, DateTimeFormatter.BASIC_ISO_DATE)));
    assertEquals("SUBJ0417_" + shifted, dates.patientName(SUBJECT));
  }
}
