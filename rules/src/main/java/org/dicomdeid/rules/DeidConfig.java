package org.dicomdeid.rules;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the engine is asked to do: the secret key and the PS3.15 options. Immutable and
 * serializable, so a Beam DoFn can carry it.
 *
 * <p>Dates are either kept (Retain Longitudinal Temporal Information Full Dates, 113106, the
 * default: PatientName carries the real CT date) or shifted by a keyed per-subject offset (Modified
 * Dates, 113107); exactly one of the two is always selected.
 */
public final class DeidConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The choice that keeps public attributes the table does not list even when their VR can carry
   * free text (the behaviour before issue 13); not a PS3.15 option, so not recorded as one.
   */
  public static final String KEEP_UNLISTED_TEXT = "keepUnlistedText";

  private final byte[] secretKey;
  private final EnumSet<ProfileOption> options;
  private final boolean keepUnlistedText;

  private DeidConfig(byte[] secretKey, EnumSet<ProfileOption> options, boolean keepUnlisted) {
    this.secretKey = secretKey.clone();
    this.options = options;
    this.keepUnlistedText = keepUnlisted;
  }

  /** The default option set: full dates retained, nothing else. */
  public static EnumSet<ProfileOption> defaultOptions() {
    return EnumSet.of(ProfileOption.RETAIN_LONG_FULL_DATES);
  }

  /**
   * Validates and builds a config. Choosing {@code RETAIN_LONG_MODIFIED_DATES} replaces the default
   * full dates; choosing both is an error.
   */
  public static DeidConfig of(byte[] secretKey, Set<ProfileOption> options) {
    EnumSet<ProfileOption> o =
        options.isEmpty() ? EnumSet.noneOf(ProfileOption.class) : EnumSet.copyOf(options);
    o.remove(ProfileOption.BASIC);
    boolean full = o.contains(ProfileOption.RETAIN_LONG_FULL_DATES);
    boolean modified = o.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES);
    if (full && modified) {
      throw new IllegalArgumentException(
          "choose either retainLongFullDates or "
              + "retainLongModifiedDates (shifted dates), not both");
    }
    if (!full && !modified) {
      o.add(ProfileOption.RETAIN_LONG_FULL_DATES);
    }
    if (o.contains(ProfileOption.RETAIN_UIDS)) {
      throw new IllegalArgumentException(
          "retainUids is not offered: UIDs are always replaced "
              + "by keyed 2.25 UIDs so that references stay consistent");
    }
    new Keyed(secretKey); // validates the key
    return new DeidConfig(secretKey, o, false);
  }

  /** The same config with {@link #KEEP_UNLISTED_TEXT} on or off. */
  public DeidConfig withKeepUnlistedText(boolean keep) {
    return new DeidConfig(secretKey, options, keep);
  }

  /** True when unlisted text attributes are kept ({@link #KEEP_UNLISTED_TEXT}). */
  public boolean keepUnlistedText() {
    return keepUnlistedText;
  }

  public byte[] secretKey() {
    return secretKey.clone();
  }

  public Set<ProfileOption> options() {
    return Collections.unmodifiableSet(options);
  }

  public boolean shiftDates() {
    return options.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES);
  }
}
