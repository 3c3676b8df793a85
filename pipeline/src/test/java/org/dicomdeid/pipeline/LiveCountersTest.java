package org.dicomdeid.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.dicomdeid.transforms.DeidMetrics;
import org.dicomdeid.transforms.Status;
import org.junit.jupiter.api.Test;

/** The page's numbers come from the pipeline's deid counters, read from its PipelineResult. */
class LiveCountersTest {
  static final class CountFn extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer i) {
      DeidMetrics.counter(DeidMetrics.MATCHED).inc();
      DeidMetrics.of(i % 2 == 0 ? Status.WRITTEN : Status.SKIPPED).inc();
    }
  }

  @Test
  void readsTheDeidCountersOfAResult() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(options);
    p.apply(Create.of(1, 2, 3, 4, 5)).apply(ParDo.of(new CountFn()));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    Map<String, Long> c = LiveCounters.read(result);
    assertEquals(5L, c.get("matched"));
    assertEquals(2L, c.get("written"));
    assertEquals(3L, c.get("skipped"));
  }
}
