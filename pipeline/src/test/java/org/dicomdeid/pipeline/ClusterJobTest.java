package org.dicomdeid.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The cluster's progress line counts files from the job detail's vertices: names and counts as
 * Flink 1.19's REST API gave them ({@code /jobs/<id>}) during a 300,000-file run of this pipeline
 * on start.sh's cluster (shortened: the counts are made up to tell them apart).
 */
class ClusterJobTest {
  private static JsonNode vertices(String... nameAndWritten) throws Exception {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < nameAndWritten.length; i += 2) {
      b.append(i == 0 ? "" : ",")
          .append("{\"name\":")
          .append(new ObjectMapper().writeValueAsString(nameAndWritten[i]))
          .append(",\"status\":\"RUNNING\",\"metrics\":{\"read-records\":7,\"write-records\":")
          .append(nameAndWritten[i + 1])
          .append("}}");
    }
    return new ObjectMapper().readTree(b.append("]").toString());
  }

  @Test
  void eachPhaseIsCountedFromTheVertexItsChainEndsWith() throws Exception {
    JsonNode v =
        vertices(
            "CHAIN DataSource (at Impulse (org.apache.beam.runners.flink.translation.wrappers"
                + ".ImpulseInputFormat)) -> FlatMap (FlatMap at ExtractHeaders/ListPatterns/"
                + "MapElements/Map/ParMultiDo(Anonymous)) -> FlatMap (FlatMap at ExtractHeaders/"
                + "MatchFiles)",
            "300000",
            // the matching's first output, read by the next chain: not the matching's count
            "CHAIN FlatMap (FlatMap at ExtractHeaders/MatchFiles.out0) -> FlatMap (FlatMap at "
                + "ExtractHeaders/SpreadFiles/KeyByBucket/ParMultiDo(Bucket))",
            "299990",
            "CHAIN GroupReduce (GroupReduce at ExtractHeaders/SpreadFiles/GroupByBucket) -> FlatMap"
                + " (FlatMap at ExtractHeaders/SpreadFiles/Ungroup/ParMultiDo(Ungroup)) -> FlatMap "
                + "(FlatMap at ExtractHeaders/ReadHeaders)",
            "120000",
            "FlatMap (FlatMap at RewriteFiles/Deidentify)",
            "90000",
            "FlatMap (FlatMap at RewriteFiles/Deidentify.out0)",
            "45000",
            "FlatMap (FlatMap at RewriteFiles/Deidentify.out0)",
            "1000",
            "FlatMap (FlatMap at RewriteFiles/Deidentify.out1)",
            "45000");
    assertEquals(
        "matched 300000 | headers read 120000 | rewritten 46000", ClusterJob.fileCounts(v));
  }

  @Test
  void phasesNotStartedCountZeroAndAPlanWithoutThemSaysNothing() throws Exception {
    assertEquals(
        "matched 300000 | headers read 0 | rewritten 0",
        ClusterJob.fileCounts(
            vertices(
                "CHAIN DataSource -> FlatMap (FlatMap at ExtractHeaders/MatchFiles)", "300000")));
    assertEquals("", ClusterJob.fileCounts(vertices("DataSink (DiscardingOutputFormat)", "0")));
  }
}
