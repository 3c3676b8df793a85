package org.dicomdeid.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.construction.PipelineTranslation;
import org.dicomdeid.dicom.ByteSearch;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.SnappyInputStream;

/**
 * The job graph as a runner receives it (the pipeline's Runner API proto, with every DoFn,
 * CombineFn and coder payload unpacked) holds neither the secret key nor any MRN: the workers read
 * the key from --secretKeyFile and the previous mapping from --mappingCsv themselves.
 */
class JobGraphSecretsTest {
  @TempDir Path dir;

  @Test
  void neitherTheKeyNorAnMrnIsSerializedIntoTheJob() throws Exception {
    CohortManifest cohort =
        CohortGenerator.generate(
            dir.resolve("export"), new CohortSpec(5L, 3, 1, 1, 2, 8, 8, false, false));
    Files.createDirectories(dir.resolve("phi"));
    Files.writeString(
        dir.resolve("phi/mapping.csv"),
        "subj,MRN,ct_date,studies,series,files\n" + "SUBJ000777,KU98765,20190304,1,1,3\n");
    // the key the mapping was made with (a mapping without its key is refused: KeyCheck)
    byte[] made = new byte[32];
    new SecureRandom().nextBytes(made);
    Files.writeString(dir.resolve("phi/secret.key"), HexFormat.of().formatHex(made) + "\n");
    DeidOptions options =
        PipelineOptionsFactory.fromArgs(Runs.args(dir, cohort.root().toString()))
            .as(DeidOptions.class);
    DeidSettings settings = DeidSettings.from(options);
    Pipeline pipeline = Pipeline.create(options);
    DeidPipeline.buildPipeline(pipeline, settings);

    List<byte[]> graph = unpacked(PipelineTranslation.toProto(pipeline));
    // the scan sees inside the DoFns: the output folder is a field of the rewriting DoFn
    assertTrue(
        contains(graph, settings.output().getBytes(StandardCharsets.UTF_8)),
        "the scan must find the output folder in the rewriting DoFn");
    byte[] key = settings.config().secretKey();
    assertFalse(contains(graph, key), "the key's bytes are in the job graph");
    assertFalse(
        contains(graph, HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII)),
        "the key's hex is in the job graph");
    List<String> mrns = new ArrayList<>(cohort.mrns());
    mrns.add("KU98765");
    for (String mrn : mrns) {
      assertFalse(
          contains(graph, mrn.getBytes(StandardCharsets.UTF_8)), "an MRN is in the job graph");
    }
  }

  /** Every transform and coder payload, and the serialized functions inside them, unpacked. */
  private static List<byte[]> unpacked(RunnerApi.Pipeline proto) {
    List<byte[]> out = new ArrayList<>();
    out.add(proto.toByteArray());
    for (RunnerApi.PTransform t : proto.getComponents().getTransformsMap().values()) {
      byte[] payload = t.getSpec().getPayload().toByteArray();
      addWithUncompressed(out, payload);
      try {
        addWithUncompressed(
            out, RunnerApi.ParDoPayload.parseFrom(payload).getDoFn().getPayload().toByteArray());
      } catch (IOException notParDo) {
        // another kind of transform
      }
      try {
        addWithUncompressed(
            out,
            RunnerApi.CombinePayload.parseFrom(payload).getCombineFn().getPayload().toByteArray());
      } catch (IOException notCombine) {
        // another kind of transform
      }
    }
    for (RunnerApi.Coder c : proto.getComponents().getCodersMap().values()) {
      addWithUncompressed(out, c.getSpec().getPayload().toByteArray());
    }
    for (RunnerApi.WindowingStrategy w :
        proto.getComponents().getWindowingStrategiesMap().values()) {
      addWithUncompressed(out, w.toByteArray());
    }
    return out;
  }

  /** Beam snappy-compresses the Java-serialized functions it puts into the proto. */
  private static void addWithUncompressed(List<byte[]> out, byte[] bytes) {
    out.add(bytes);
    try (SnappyInputStream in = new SnappyInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      out.add(b.toByteArray());
    } catch (IOException | RuntimeException notSnappy) {
      // stored as is
    }
  }

  private static boolean contains(List<byte[]> haystacks, byte[] needle) {
    return haystacks.stream().anyMatch(h -> ByteSearch.contains(h, needle));
  }
}
