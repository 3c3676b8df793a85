package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.dicomdeid.rules.DeidConfig;
import org.dicomdeid.rules.Keyed;
import org.dicomdeid.rules.ProfileOption;
import org.dicomdeid.rules.SecretKeyFile;

/**
 * What the workers need to build the engine, without the secret: the key file's path (on any Beam
 * filesystem; on a cluster a path every worker can read) and the PS3.15 options. A DoFn carries
 * this and reads the key at {@code @Setup}, so the key never enters the serialized job graph a
 * runner receives, logs or stores.
 */
public final class KeyedConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String secretKeyFile;
  private final EnumSet<ProfileOption> options;
  private final boolean keepUnlistedText;

  private KeyedConfig(String secretKeyFile, Set<ProfileOption> options, boolean keepUnlistedText) {
    this.secretKeyFile = secretKeyFile;
    this.options =
        options.isEmpty() ? EnumSet.noneOf(ProfileOption.class) : EnumSet.copyOf(options);
    this.keepUnlistedText = keepUnlistedText;
  }

  /** The key in {@code secretKeyFile}, with {@code options} (as {@link DeidConfig#of}). */
  public static KeyedConfig of(String secretKeyFile, Set<ProfileOption> options) {
    return new KeyedConfig(secretKeyFile, options, false);
  }

  /** The same, with {@link DeidConfig#withKeepUnlistedText} on or off. */
  public KeyedConfig withKeepUnlistedText(boolean keep) {
    return new KeyedConfig(secretKeyFile, options, keep);
  }

  /** Whether CT dates are shifted (Retain Longitudinal Temporal Information Modified Dates). */
  public boolean shiftDates() {
    return options.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES);
  }

  /** Reads the key (at set-up, on the worker) and builds the engine's configuration. */
  public DeidConfig load() throws IOException {
    return DeidConfig.of(key(), options).withKeepUnlistedText(keepUnlistedText);
  }

  /** Reads the key and makes the keyed functions (UIDs, subject numbers, date shifts). */
  public Keyed keyed() throws IOException {
    return new Keyed(key());
  }

  private byte[] key() throws IOException {
    try (InputStream in =
        Channels.newInputStream(
            FileSystems.open(FileSystems.matchNewResource(secretKeyFile, false)))) {
      return SecretKeyFile.parse(
          new String(in.readAllBytes(), StandardCharsets.US_ASCII), secretKeyFile);
    }
  }

  @Override
  public String toString() {
    return "KeyedConfig["
        + secretKeyFile
        + ", "
        + options
        + (keepUnlistedText ? ", keepUnlistedText" : "")
        + "]";
  }
}
