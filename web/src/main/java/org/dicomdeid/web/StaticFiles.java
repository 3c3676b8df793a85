package org.dicomdeid.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The page: HTML, CSS and JavaScript from the jar's resources; the token goes into the HTML. */
final class StaticFiles {
  private static final String BASE = "/org/dicomdeid/web/";
  private final byte[] index;
  private final byte[] script;
  private final byte[] words;
  private final byte[] style;

  StaticFiles(String token) {
    index = load("index.html").replace("@TOKEN@", token).getBytes(StandardCharsets.UTF_8);
    script = load("app.js").getBytes(StandardCharsets.UTF_8);
    words = load("i18n.js").getBytes(StandardCharsets.UTF_8);
    style = load("style.css").getBytes(StandardCharsets.UTF_8);
  }

  void index(HttpExchange ex) throws IOException {
    Exchanges.send(ex, 200, "text/html; charset=utf-8", index);
  }

  void script(HttpExchange ex) throws IOException {
    Exchanges.send(ex, 200, "text/javascript; charset=utf-8", script);
  }

  /** The page's texts in English and Korean. */
  void words(HttpExchange ex) throws IOException {
    Exchanges.send(ex, 200, "text/javascript; charset=utf-8", words);
  }

  void style(HttpExchange ex) throws IOException {
    Exchanges.send(ex, 200, "text/css; charset=utf-8", style);
  }

  private static String load(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
