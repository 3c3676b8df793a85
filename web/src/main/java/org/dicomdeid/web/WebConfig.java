package org.dicomdeid.web;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The server's command line: {@code --port=8080} (0: any free port), {@code --workDir=} (default a
 * new folder under ~/.dicom-deid/web), {@code --secretKeyFile=} (default ~/.dicom-deid/deid.key).
 */
record WebConfig(int port, Path workDir, Path secretKeyFile) {

  static WebConfig parse(String[] args) {
    Path home = Path.of(System.getProperty("user.home"), ".dicom-deid");
    int port = 8080;
    Path work =
        home.resolve("web")
            .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Path key = home.resolve("deid.key");
    for (String a : args) {
      if (a.startsWith("--port=")) {
        port = Integer.parseInt(a.substring("--port=".length()));
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("--port must be 0..65535");
        }
      } else if (a.startsWith("--workDir=")) {
        work = Path.of(a.substring("--workDir=".length()));
      } else if (a.startsWith("--secretKeyFile=")) {
        key = Path.of(a.substring("--secretKeyFile=".length()));
      } else {
        throw new IllegalArgumentException(
            "unknown option " + a + " (use --port=, --workDir=, --secretKeyFile=)");
      }
    }
    return new WebConfig(port, work.toAbsolutePath().normalize(), key.toAbsolutePath().normalize());
  }
}
