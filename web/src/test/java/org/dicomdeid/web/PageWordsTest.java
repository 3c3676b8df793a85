package org.dicomdeid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page speaks Korean and English throughout: every text of the page has both, and every fixed
 * sentence the server answers with has its Korean in i18n.js.
 */
class PageWordsTest {
  private static final Path WEB = Path.of("src/main/resources/org/dicomdeid/web");
  private static final Path JAVA = Path.of("src/main/java/org/dicomdeid/web");

  private static Set<String> keys(String block) {
    Set<String> keys = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^    (\\w+): ").matcher(block);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  @Test
  void everyTextHasBothLanguagesAndEveryServerSentenceItsKorean() throws Exception {
    String words = Files.readString(WEB.resolve("i18n.js"));
    String en = words.substring(words.indexOf("  en: {"), words.indexOf("  ko: {"));
    String ko = words.substring(words.indexOf("  ko: {"), words.indexOf("const SERVER_KO"));
    assertEquals(keys(en), keys(ko), "the same keys in English and Korean");

    String html = Files.readString(WEB.resolve("index.html"));
    Matcher t = Pattern.compile("data-t=\"(\\w+)\"").matcher(html);
    while (t.find()) {
      assertTrue(keys(en).contains(t.group(1)), "index.html's " + t.group(1) + " in i18n.js");
    }
    String app = Files.readString(WEB.resolve("app.js"));
    Matcher said = Pattern.compile("(?:say|stagedText)\\('(\\w+)'").matcher(app);
    while (said.find()) {
      assertTrue(keys(en).contains(said.group(1)), "app.js's " + said.group(1) + " in i18n.js");
    }

    // Whole sentences the server sends: IllegalArgumentException and Exchanges.error literals.
    Pattern sentence =
        Pattern.compile(
            "(?:IllegalArgumentException\\(|Exchanges\\.error\\(ex, \\d+, |msg ="
                + " )\"([^\"]+)\"[);]");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.list(JAVA)) {
      for (Path f : files.filter(f -> !f.endsWith("WebConfig.java")).toList()) { // its own CLI
        Matcher m = sentence.matcher(Files.readString(f));
        while (m.find()) {
          String s = m.group(1);
          if (!words.contains("'" + s + "'") && !words.contains("\"" + s + "\"")) {
            missing.add(f.getFileName() + ": " + s);
          }
        }
      }
    }
    assertEquals(Set.of(), missing, "server sentences without Korean in i18n.js");
  }
}
