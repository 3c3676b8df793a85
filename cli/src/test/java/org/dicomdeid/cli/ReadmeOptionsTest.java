package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md and README.ko.md stay in step with the command line: every option either names exists,
 * README.md's reference names every option, and the Korean quick start names those its readers use.
 */
class ReadmeOptionsTest {
  private static final Path EN = Path.of("../README.md");
  private static final Path KO = Path.of("../README.ko.md");

  /** In the READMEs but not options of the command line: the web page's, Java's, a pattern. */
  private static final Set<String> OTHERS = Set.of("help", "port", "workDir", "add-opens", "name");

  /** What the Korean quick start must explain. */
  private static final List<String> QUICK_START =
      List.of(
          "input",
          "output",
          "mappingCsv",
          "reportCsv",
          "secretKeyFile",
          "subjectPrefix",
          "options",
          "allowBurnedIn",
          "overwrite",
          "help",
          "port",
          "workDir");

  private static Set<String> named(Path readme) throws Exception {
    Set<String> names = new TreeSet<>();
    Matcher m =
        Pattern.compile("(?<![\\w-])--([A-Za-z][A-Za-z-]*)").matcher(Files.readString(readme));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void everyOptionNamedInEitherReadmeExists() throws Exception {
    Set<String> known = new HashSet<>(BeamOptionNames.all());
    known.addAll(OTHERS);
    for (Path readme : List.of(EN, KO)) {
      Set<String> unknown = new TreeSet<>(named(readme));
      unknown.removeAll(known);
      assertEquals(Set.of(), unknown, readme + " names options that do not exist");
    }
  }

  @Test
  void theReferenceNamesEveryOptionAndTheQuickStartThoseItsReadersUse() throws Exception {
    Set<String> en = named(EN);
    Arrays.stream(CliOption.values())
        .forEach(o -> assertTrue(en.contains(o.name), "README.md names --" + o.name));
    Set<String> ko = named(KO);
    for (String o : QUICK_START) {
      assertTrue(ko.contains(o), "README.ko.md names --" + o);
    }
    String text = Files.readString(KO);
    assertTrue(
        text.contains("run-configs/direct.sh\n") || text.contains("run-configs/direct.sh  "),
        "the sample command");
    assertTrue(text.contains("run-configs/web/start.sh"), "the web page");
  }

  @Test
  void theFirstScreenIsShortAndPointsToTheKoreanQuickStart() throws Exception {
    List<String> lines = Files.readAllLines(EN);
    int reference = lines.indexOf("## What it does");
    assertTrue(reference > 0 && reference <= 40, "the first screen ends by line 40: " + reference);
    assertTrue(String.join("\n", lines.subList(0, reference)).contains("README.ko.md"));
  }
}
