package org.dicomdeid.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing answers: every answer is private and never cached. */
final class Exchanges {
  /** Form bodies are small (a few paths and flags); larger ones are refused. */
  private static final int MAX_FORM = 64 * 1024;

  private Exchanges() {}

  static void json(HttpExchange ex, int status, Object body) throws IOException {
    send(
        ex,
        status,
        "application/json; charset=utf-8",
        Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  static void error(HttpExchange ex, int status, String message) throws IOException {
    json(ex, status, Map.of("error", message));
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    headers(ex, type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Headers of every answer: no caching, no sniffing, no framing, only our own scripts. */
  static void headers(HttpExchange ex, String type) {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'none'; base-uri 'none'");
  }

  /** An application/x-www-form-urlencoded body (what URLSearchParams sends). */
  static Map<String, String> form(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(MAX_FORM + 1);
    }
    if (body.length > MAX_FORM) {
      throw new IllegalArgumentException("form too large");
    }
    return query(new String(body, StandardCharsets.UTF_8));
  }

  /** Decodes {@code a=1&b=2}; the first value of a repeated name wins. */
  static Map<String, String> query(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      m.putIfAbsent(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return m;
  }
}
