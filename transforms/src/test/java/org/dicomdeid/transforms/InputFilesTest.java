package org.dicomdeid.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local inputs as the tool lists them: literal names, globs, links, each real file once. */
class InputFilesTest {
  @TempDir Path dir;

  private static List<String> paths(InputFiles.Listing l) {
    return l.files().stream().map(KV::getKey).toList();
  }

  @Test
  void aFolderWithGlobCharactersInItsNameIsTakenLiterally() throws Exception {
    Path literal = Files.createDirectories(dir.resolve("ex[1]{a,b}*"));
    Files.writeString(literal.resolve("a\nb.dcm"), "x");
    Files.createDirectories(dir.resolve("ex1a"));
    Files.writeString(dir.resolve("ex1a/other.dcm"), "x");
    InputFiles.Listing l = InputFiles.match(List.of(literal + "/**"));
    assertEquals(List.of(literal + "/a\nb.dcm"), paths(l));
  }

  @Test
  void globsMatchNamesWithNewlinesAndStayWithinAFolder() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/x\ny.dcm"), "x");
    Files.writeString(dir.resolve("a/z.txt"), "x");
    Files.writeString(dir.resolve("a/b/deep.dcm"), "x");
    assertEquals(List.of(dir + "/a/x\ny.dcm"), paths(InputFiles.match(List.of(dir + "/a/*.dcm"))));
    assertEquals(
        List.of(dir + "/a/b/deep.dcm", dir + "/a/x\ny.dcm"),
        paths(InputFiles.match(List.of(dir + "/a/**.dcm"))));
    assertEquals(
        List.of(dir + "/a/z.txt"), paths(InputFiles.match(List.of(dir + "/a/{q,z}.[st]x?"))));
    assertFalse(InputFiles.anyFile(dir + "/a/*.none"));
    assertTrue(InputFiles.anyFile(dir + "/a/**"));
  }

  @Test
  void aFileReachedByTwoPatternsIsListedOnceAndAHardLinkIsTheSameFile() throws Exception {
    Files.createDirectories(dir.resolve("in"));
    Path f = Files.writeString(dir.resolve("in/a.dcm"), "x");
    Files.createLink(dir.resolve("in/b.dcm"), f);
    InputFiles.Listing l = InputFiles.match(List.of(dir + "/in/**", f.toString()));
    assertEquals(List.of(f.toString()), paths(l));
    assertEquals(
        List.of(Outcome.skipped(dir + "/in/b.dcm", Reason.of(Reason.Kind.SAME_FILE, f.toString()))),
        l.outcomes());
    assertEquals(
        "the same file as " + f + " (a link or a second name); read once, under that" + " path",
        l.outcomes().get(0).reasonText());
  }

  @Test
  void anEmptyFolderHasNoFile() throws Exception {
    Files.createDirectories(dir.resolve("empty/sub"));
    assertFalse(InputFiles.anyFile(dir + "/empty/**"));
    assertEquals(List.of(), InputFiles.match(List.of(dir + "/empty/**")).files());
  }
}
