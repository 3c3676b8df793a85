package org.dicomdeid.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The finished run's files, by fixed names only (no path ever comes from the request): the
 * de-identified tree as a zip streamed file by file, the mapping CSV and the report.
 */
final class Downloads {
  private Downloads() {}

  /** Streams every file under {@code root} into a zip, names relative to it, sorted. */
  static void zip(HttpExchange ex, Path root, String filename) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    attachment(ex, "application/zip", filename);
    ex.sendResponseHeaders(200, 0);
    try (ZipOutputStream zip = new ZipOutputStream(ex.getResponseBody())) {
      for (Path f : files) {
        zip.putNextEntry(new ZipEntry(root.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
  }

  static void file(HttpExchange ex, Path file, String filename) throws IOException {
    attachment(ex, "text/csv; charset=utf-8", filename);
    ex.sendResponseHeaders(200, Files.size(file));
    try (OutputStream out = ex.getResponseBody()) {
      Files.copy(file, out);
    }
  }

  private static void attachment(HttpExchange ex, String type, String filename) {
    Exchanges.headers(ex, type);
    ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  }
}
