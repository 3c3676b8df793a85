package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dicomdeid.rules.DeidConfig;

/** The tests' all-zero key, in a key file as the workers read it. */
final class TestKeys {
  private TestKeys() {}

  /** Writes the zero key into {@code dir}/test.key; the default options. */
  static KeyedConfig zeroKey(Path dir) throws IOException {
    Path file = dir.resolve("test.key");
    Files.writeString(file, "00".repeat(32) + "\n");
    return KeyedConfig.of(file.toString(), DeidConfig.defaultOptions());
  }
}
