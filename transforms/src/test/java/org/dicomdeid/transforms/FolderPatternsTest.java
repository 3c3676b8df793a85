package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPatternsTest {
  @TempDir Path dir;

  @Test
  void theSplitPatternsMatchTheSameFilesAsTheFolderPattern() throws Exception {
    Files.createDirectories(dir.resolve("KU1_20200101/S1/deeper"));
    Files.createDirectories(dir.resolve("KU2_20200102"));
    Files.createDirectories(dir.resolve("empty"));
    Files.createDirectories(dir.resolve("odd[name]"));
    for (String f : List.of("top.dcm", ".hidden", "KU1_20200101/IM1", "KU1_20200101/S1/IM2",
        "KU1_20200101/S1/deeper/IM3", "KU2_20200102/IM4")) {
      Files.writeString(dir.resolve(f), f);
    }
    String pattern = dir + "/**";
    List<String> parts = FolderPatterns.split(pattern);
    assertEquals(List.of(pattern), parts, "a child with glob characters keeps the whole pattern");

    Files.delete(dir.resolve("odd[name]"));
    parts = FolderPatterns.split(pattern);
    assertEquals(4, parts.size(), parts.toString()); // <dir>/* and one per child folder
    assertEquals(matched(List.of(pattern)), matched(parts));
    assertEquals(6, matched(parts).size());
    assertEquals(List.of("/in/a.dcm"), FolderPatterns.split("/in/a.dcm"));
    assertEquals(List.of("gs://b/x/**"), FolderPatterns.split("gs://b/x/**"));
  }

  private static Set<String> matched(List<String> patterns) throws Exception {
    Set<String> files = new TreeSet<>();
    for (String p : patterns) {
      for (MatchResult.Metadata m
          : FileSystems.match(p, EmptyMatchTreatment.ALLOW_IF_WILDCARD).metadata()) {
        files.add(m.resourceId().toString());
      }
    }
    return files;
  }
}
