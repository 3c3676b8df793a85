package org.dicomdeid.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** The tests' browser: java.net.http against the server, with or without the token. */
final class WebClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final WebServer server;

  WebClient(WebServer server) {
    this.server = server;
  }

  HttpResponse<String> get(String path, boolean withToken) throws Exception {
    return http.send(request(path, withToken).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> bytes(String path) throws Exception {
    return http.send(request(path, true).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, boolean withToken, HttpRequest.BodyPublisher body)
      throws Exception {
    return http.send(
        request(path, withToken).POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return http.send(
        request(path, true)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> upload(String name, Path file) throws Exception {
    return post("/api/upload?path=" + enc(name), true, HttpRequest.BodyPublishers.ofFile(file));
  }

  /** A raw request with any Host header (java.net.http does not let a caller set Host). */
  String statusLineWithHost(String path, String host) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\n"
                  + Guard.TOKEN_HEADER
                  + ": "
                  + server.token()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return all.substring(0, all.indexOf("\r\n"));
    }
  }

  private HttpRequest.Builder request(String path, boolean withToken) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()).resolve(path));
    if (withToken) {
      b.header(Guard.TOKEN_HEADER, server.token());
    }
    return b;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
