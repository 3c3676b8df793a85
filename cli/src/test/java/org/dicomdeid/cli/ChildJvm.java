package org.dicomdeid.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class of the test classpath in a child JVM (the same java, the same classpath), its
 * standard output and error both going to {@code log}.
 */
final class ChildJvm {
  private ChildJvm() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The command line: java, JVM options, -cp, the main class, its arguments. */
  static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
    List<String> c = new ArrayList<>();
    c.add(java());
    c.addAll(jvmOptions);
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(main.getName());
    c.addAll(List.of(args));
    return c;
  }

  static Process start(List<String> command, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return pb.start();
  }
}
