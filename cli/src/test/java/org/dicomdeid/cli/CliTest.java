package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dicomdeid.pipeline.DeidOptions;
import org.dicomdeid.rules.DeidConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --help of our own, and every option problem at once, in words, with exit status 2. */
class CliTest {
  @TempDir Path dir;

  @Test
  void helpAndDashHPrintThisToolsOptionsByGroupWithDefaultsAndExamples() {
    CliRuns.Result help = CliRuns.main("--help");
    assertEquals(0, help.status(), help.err());
    assertEquals(help.out(), CliRuns.main("-h").out());
    for (CliOption.Group g : CliOption.Group.values()) {
      assertTrue(help.out().contains("\n" + g.title + ":\n"), g.title);
    }
    for (CliOption o : CliOption.values()) {
      assertTrue(help.out().contains("\n  --" + o.name + "\n"), o.name);
      assertTrue(
          help.out().contains("default: " + o.defaultText() + "    example: " + o.example), o.name);
    }
    assertFalse(help.out().contains("Dataflow"), "no Beam options in --help");
    assertFalse(help.out().contains("GcpOptions"), "no Beam options in --help");
    CliRuns.Result beam = CliRuns.main("--help=beam");
    assertEquals(0, beam.status(), beam.err());
    assertTrue(beam.out().contains("DeidOptions"), beam.out());
    CliRuns.Result flink = CliRuns.main("--help=FlinkPipelineOptions");
    assertTrue(flink.out().contains("--flinkMaster"), flink.out());
    assertEquals(2, CliRuns.main("--help=NoSuchOptions").status());
  }

  @Test
  void helpCoversExactlyTheOptionsOfDeidOptions() {
    Set<String> declared =
        Arrays.stream(DeidOptions.class.getDeclaredMethods())
            .map(Method::getName)
            .filter(n -> n.startsWith("get"))
            .map(n -> Character.toLowerCase(n.charAt(3)) + n.substring(4))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> listed =
        Arrays.stream(CliOption.values())
            .filter(o -> o.group != CliOption.Group.RUNNERS || o == CliOption.PROGRESS)
            .map(o -> o.name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(declared, listed);
    assertTrue(
        BeamOptionNames.all()
            .containsAll(Arrays.stream(CliOption.values()).map(o -> o.name).toList()),
        "every option is one Beam's parser takes");
  }

  @Test
  void everyProblemIsNamedAtOnceWithWhatToWrite() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    CliRuns.Result r =
        CliRuns.main(
            "--input",
            in.toString(),
            "--allowBurnedIn=maybe",
            "--options=retainUids",
            "--output=/a",
            "--output=/b",
            "--subjectDigits=x",
            "--mappingcsv=/x",
            "stray");
    assertEquals(2, r.status(), r.err());
    List<String> expected =
        List.of(
            "--input " + in + ": write --input=" + in + " (with = and no space)",
            "--allowBurnedIn=maybe: write --allowBurnedIn=true or --allowBurnedIn=false",
            "--options: retainUids is not offered",
            "--output is given 2 times (/a, /b): give it once",
            "--subjectDigits=x: write a whole number",
            "--mappingcsv is not an option: did you mean --mappingCsv?",
            "'stray' is not an option",
            "--mappingCsv is required with --input",
            "--reportCsv is required with --input",
            "--secretKeyFile is required with --input");
    for (String e : expected) {
      assertTrue(r.err().contains(e), e + " in:\n" + r.err());
    }
    assertTrue(r.err().startsWith("bad options: 10 problems"), r.err());
    assertFalse(Files.exists(dir.resolve("a")));
  }

  @Test
  void booleansTakeTheUsualSpellingsAndListsAreMerged() {
    for (String yes : List.of("yes", "YES", "on", "1", "true")) {
      List<String> args = OptionCheck.check(new String[] {"--allowBurnedIn=" + yes}).args();
      assertEquals(List.of("--allowBurnedIn=true"), args, yes);
    }
    for (String no : List.of("no", "off", "0", "False")) {
      List<String> args = OptionCheck.check(new String[] {"--overwrite=" + no}).args();
      assertEquals(List.of("--overwrite=false"), args, no);
    }
    OptionCheck.Checked c =
        OptionCheck.check(
            new String[] {
              "--options=cleanGraphics",
              "--options=retainDeviceIdentity",
              "--input=/a",
              "--input=/b",
              "--output=/o",
              "--output=/o",
              "--mappingCsv=/m",
              "--reportCsv=/r",
              "--secretKeyFile=/k",
              "--allowBurnedIn"
            });
    assertEquals(List.of(), c.problems());
    assertTrue(
        c.args().contains("--options=cleanGraphics,retainDeviceIdentity"), c.args().toString());
    assertTrue(c.args().contains("--input=/a,/b"), c.args().toString());
    assertTrue(c.args().contains("--output=/o"), c.args().toString());
    assertTrue(c.args().contains("--allowBurnedIn=true"), c.args().toString());
  }

  @Test
  void theListOfValidProfileOptionsHoldsOnlyAcceptedNames() {
    String problem = OptionCheck.profileProblem("bogus");
    String list = problem.substring(problem.indexOf("valid options: ") + 15);
    for (String name : list.split(", ")) {
      assertEquals(null, OptionCheck.profileProblem(name), name);
    }
    assertFalse(list.contains("retainUids"), list);
    assertTrue(DeidConfig.defaultOptions().size() > 0);
  }
}
