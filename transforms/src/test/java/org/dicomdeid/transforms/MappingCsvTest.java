package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingCsvTest {
  @Test
  void roundTripSorted() throws IOException {
    List<MappingRow> rows =
        List.of(
            new MappingRow("S2", "KU2", "20220101", "", 1, 2, 3),
            new MappingRow("S1", "KU1", "20230101", "", 1, 1, 1),
            new MappingRow("S1", "KU1", "20220101", "", 2, 2, 2));
    String text = MappingCsv.format(rows, false);
    assertEquals(
        "subj,MRN,ct_date,studies,series,files\nS1,KU1,20220101,2,2,2\n"
            + "S1,KU1,20230101,1,1,1\nS2,KU2,20220101,1,2,3\n",
        text);
    List<MappingRow> back = MappingCsv.parse(new StringReader(text));
    assertEquals(rows.stream().sorted(MappingRow.ORDER).toList(), back);
  }

  @Test
  void shiftedDatesGetTheirColumn() throws IOException {
    String text =
        MappingCsv.format(
            List.of(new MappingRow("S1", "KU1", "20220101", "20210101", 1, 1, 1)), true);
    assertTrue(text.startsWith("subj,MRN,ct_date,shifted_ct_date,studies"), text);
    assertEquals("20210101", MappingCsv.parse(new StringReader(text)).get(0).shiftedCtDate());
  }

  @Test
  void anMrnWithTwoSubjectsIsRefused() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                MappingCsv.parse(
                    new StringReader("subj,MRN,ct_date\nS1,KU1,20220101\nS2,KU1,20230101\n")));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }
}
