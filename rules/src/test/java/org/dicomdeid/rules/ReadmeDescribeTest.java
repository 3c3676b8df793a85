package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README says what the engine does with the default options, in the engine's own words. */
class ReadmeDescribeTest {
  private static final String BEGIN = "<!-- describe:begin -->";
  private static final String END = "<!-- describe:end -->";

  private static String describeDefault() {
    return new Deidentifier(DeidConfig.of(DeidOutput.KEY, DeidConfig.defaultOptions())).describe();
  }

  /** The folder holding .ci, or the parent pom (the one that lists modules). */
  static Path repositoryRoot() throws IOException {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path pom = d.resolve("pom.xml");
      if (Files.isDirectory(d.resolve(".ci"))
          || Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  @Test
  void readmeShowsDescribeForTheDefaultOptions() throws IOException {
    String text = describeDefault();
    String paste =
        "\nPaste this between "
            + BEGIN
            + " and "
            + END
            + " in README.md, inside a"
            + " ``` block:\n```\n"
            + text
            + "```\n";
    System.out.println(paste);
    Path readme = repositoryRoot().resolve("README.md");
    if (!Files.isRegularFile(readme)) {
      fail("no README.md at " + readme + "." + paste);
    }
    String md = Files.readString(readme, StandardCharsets.UTF_8);
    int b = md.indexOf(BEGIN);
    int e = md.indexOf(END);
    if (b < 0 || e < b) {
      fail("README.md lacks the markers " + BEGIN + " ... " + END + "." + paste);
    }
    String between = md.substring(b + BEGIN.length(), e).strip();
    String expected = ("```\n" + text + "```").strip();
    if (!between.equals(expected)) {
      fail("README.md's describe block is out of date." + paste);
    }
  }

  /** The README shows the keep-list of unlisted text attributes, row by row. */
  @Test
  void readmeShowsTheUnlistedTextKeepList() throws IOException {
    String md = Files.readString(repositoryRoot().resolve("README.md"), StandardCharsets.UTF_8);
    for (UnlistedTextKeepList.Row r : UnlistedTextKeepList.rows().values()) {
      String row =
          String.format(
              "| (%04X,%04X) | %s | %s |",
              r.tag() >>> 16, r.tag() & 0xFFFF, r.keyword(), r.reason());
      assertTrue(md.contains(row), "README.md lacks the keep-list row " + row);
    }
  }

  /** The resource the integrator pastes from stays what the engine says. */
  @Test
  void describeDefaultResourceIsCurrent() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/describe-default.txt")) {
      assertTrue(in != null, "describe-default.txt missing from src/test/resources");
      assertEquals(
          describeDefault(),
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "regenerate rules/src/test/resources/describe-default.txt from describe()");
    }
  }
}
