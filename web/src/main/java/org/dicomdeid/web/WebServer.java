package org.dicomdeid.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local web page of issue #7: pick or upload a DICOM folder, run the de-identification on the
 * DirectRunner, watch its progress, download the results. Listens on 127.0.0.1 only.
 */
public final class WebServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool;
  private final String token;
  private final Staging staging;
  private final RunSlot slot;

  private WebServer(
      HttpServer server, ExecutorService pool, String token, Staging staging, RunSlot slot) {
    this.server = server;
    this.pool = pool;
    this.token = token;
    this.staging = staging;
    this.slot = slot;
  }

  public static void main(String[] args) throws IOException {
    WebConfig config;
    try {
      config = WebConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bad options: " + e.getMessage());
      System.exit(2);
      return;
    }
    WebServer web = start(config, System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(web::close, "web-shutdown"));
    System.out.println("dicom-deid web page: " + web.url());
    System.out.println("results go to " + config.workDir() + "; stop with Ctrl-C");
  }

  /** Starts a server (port 0: a free one); log gets one line per request, no PHI. */
  public static WebServer start(WebConfig config, PrintStream log) throws IOException {
    Files.createDirectories(
        config.workDir(),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 16);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Staging staging = new Staging();
    RunSlot slot = new RunSlot(config.workDir(), config.secretKeyFile(), staging);
    Api api = new Api(staging, slot);
    StaticFiles page = new StaticFiles(token);
    Guard g = new Guard(server.getAddress().getPort(), token, log);
    server.createContext("/", g.open("GET", page::index));
    server.createContext("/app.js", g.open("GET", page::script));
    server.createContext("/i18n.js", g.open("GET", page::words));
    server.createContext("/style.css", g.open("GET", page::style));
    server.createContext("/api/upload-reset", g.withToken("POST", api::uploadReset));
    server.createContext("/api/upload", g.withToken("POST", api::upload));
    server.createContext("/api/run", g.withToken("POST", api::run));
    server.createContext("/api/progress", g.withToken("GET", api::progress));
    server.createContext("/api/results", g.withToken("GET", api::results));
    server.createContext("/download/deid.zip", g.withToken("GET", api::zip));
    server.createContext("/download/mapping.csv", g.withToken("GET", api::mapping));
    server.createContext("/download/report.csv", g.withToken("GET", api::report));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "web");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.start();
    return new WebServer(server, pool, token, staging, slot);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** The session token the page sends in {@code X-Deid-Token}. */
  public String token() {
    return token;
  }

  /** Stops serving, cancels a running pipeline, deletes staged uploads. */
  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    slot.cancel();
    try {
      staging.delete();
    } catch (IOException e) {
      System.err.println(
          "web: could not delete the upload folder (" + e.getClass().getSimpleName() + ")");
    }
  }
}
