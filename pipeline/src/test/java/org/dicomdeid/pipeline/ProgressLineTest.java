package org.dicomdeid.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void everyPhaseRatesAndAnEtaOnceTheRateIsKnown() {
    Deque<long[]> samples = new ArrayDeque<>();
    assertEquals(
        "progress 2 s: matched 0 (matching the input patterns) | headers read 0 | grouped by series"
            + " 0, by study 0 | written 0, unchanged 0, skipped 0, quarantined 0, failed 0 | 0.0 MB"
            + " written, 0.0 MB/s, 0 files/s",
        ProgressLine.line(Map.of(), 2, samples));
    String first =
        ProgressLine.line(Map.of("matched", 1100L, "headers", 1100L, "skipped", 1L), 4, samples);
    assertFalse(first.contains("ETA"), "one skipped file is no rate to predict from: " + first);
    assertEquals(
        "progress 6 s: matched 1100 | headers read 1100 | grouped by series 1099, by study 1099 |"
            + " written 90, unchanged 0, skipped 5, quarantined 0, failed 5 | 2.0 MB written, 0.5"
            + " MB/s, 25 files/s | ETA 40 s",
        ProgressLine.line(
            Map.of(
                "matched",
                1100L,
                "headers",
                1100L,
                "series-checked",
                1099L,
                "study-dated",
                1099L,
                "written",
                90L,
                "skipped",
                5L,
                "failed",
                5L,
                "bytes",
                2_000_000L),
            6,
            samples));
  }
}
