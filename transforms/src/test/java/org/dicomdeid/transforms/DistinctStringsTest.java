package org.dicomdeid.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MRNs' combine: every value once, sorted, whatever the repeats; none gives an empty list. */
@ExtendWith(TestPipelineExtension.class)
class DistinctStringsTest {
  @Test
  void repeatsAreDroppedAndTheListIsSorted(TestPipeline p) {
    PAssert.that(
            p.apply(Create.of("KU3", "KU1", "KU3", "홍길동", "KU1", "KU2", "KU3"))
                .apply(Combine.globally(new DistinctStrings())))
        .containsInAnyOrder(List.of(List.of("KU1", "KU2", "KU3", "홍길동")));
    p.run().waitUntilFinish();
  }

  @Test
  void noValuesGiveAnEmptyList(TestPipeline p) {
    PAssert.that(
            p.apply(Create.empty(StringUtf8Coder.of()))
                .apply(Combine.globally(new DistinctStrings())))
        .containsInAnyOrder(List.of(List.<String>of()));
    p.run().waitUntilFinish();
  }
}
