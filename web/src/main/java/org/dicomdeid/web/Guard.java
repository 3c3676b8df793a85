package org.dicomdeid.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * The checks in front of every endpoint: the Host header must name this server on loopback (a
 * DNS-rebinding page sends its own host name), the method must fit, and an endpoint that changes
 * state or reads results needs the session token in {@value #TOKEN_HEADER}, which another origin
 * cannot read from the page nor set on a request without CORS. Logs method, the endpoint's fixed
 * name and the status only: never a query, a body or a path the user sent (they may hold PHI).
 */
final class Guard {
  static final String TOKEN_HEADER = "X-Deid-Token";

  /** Called once a file or once a second: logged only when refused. */
  private static final Set<String> QUIET = Set.of("/api/upload", "/api/progress");

  private final Set<String> hosts;
  private final byte[] token;
  private final PrintStream log;

  Guard(int port, String token, PrintStream log) {
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.log = log;
  }

  /** What an endpoint does with an exchange that passed the checks. */
  interface Endpoint {
    void handle(HttpExchange ex) throws IOException;
  }

  HttpHandler open(String method, Endpoint endpoint) {
    return wrap(method, false, endpoint);
  }

  HttpHandler withToken(String method, Endpoint endpoint) {
    return wrap(method, true, endpoint);
  }

  private HttpHandler wrap(String method, boolean needsToken, Endpoint endpoint) {
    return ex -> {
      try (ex) {
        if (!hostOk(ex.getRequestHeaders().getFirst("Host"))) {
          Exchanges.error(ex, 403, "this page answers only as 127.0.0.1 or localhost");
        } else if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
          Exchanges.error(ex, 404, "no such page");
        } else if (!method.equals(ex.getRequestMethod())) {
          ex.getResponseHeaders().set("Allow", method);
          Exchanges.error(ex, 405, "use " + method);
        } else if (needsToken && !tokenOk(ex.getRequestHeaders().getFirst(TOKEN_HEADER))) {
          Exchanges.error(ex, 403, "missing or wrong session token: reload the page");
        } else {
          run(endpoint, ex);
        }
      } finally {
        if (ex.getResponseCode() >= 300 || !QUIET.contains(ex.getHttpContext().getPath())) {
          log.println(
              "web: "
                  + ex.getRequestMethod()
                  + " "
                  + ex.getHttpContext().getPath()
                  + " "
                  + ex.getResponseCode());
        }
      }
    };
  }

  private static void run(Endpoint endpoint, HttpExchange ex) throws IOException {
    try {
      endpoint.handle(ex);
    } catch (IllegalArgumentException e) {
      if (ex.getResponseCode() < 0) {
        Exchanges.error(ex, 400, e.getMessage());
      }
    } catch (IOException | RuntimeException e) {
      if (ex.getResponseCode() < 0) {
        Exchanges.error(ex, 500, "internal error (" + e.getClass().getSimpleName() + ")");
      }
    }
  }

  boolean hostOk(String host) {
    return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
  }

  boolean tokenOk(String given) {
    return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }
}
