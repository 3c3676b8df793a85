package org.dicomdeid.dicom.deid;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the engine is asked to do: the secret key and the PS3.15 options. Immutable and
 * serializable, so a Beam DoFn can carry it.
 *
 * <p>Dates are either kept (Retain Longitudinal Temporal Information Full Dates, 113106, the
 * default: PatientName carries the real CT date) or shifted by a keyed per-subject offset
 * (Modified Dates, 113107); exactly one of the two is always selected.
 */
public final class DeidConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] secretKey;
  private final EnumSet<ProfileOption> options;

  private DeidConfig(byte[] secretKey, EnumSet<ProfileOption> options) {
    this.secretKey = secretKey.clone();
    this.options = options;
  }

  /** The default option set: full dates retained, nothing else. */
  public static EnumSet<ProfileOption> defaultOptions() {
    return EnumSet.of(ProfileOption.RETAIN_LONG_FULL_DATES);
  }

  /**
   * Validates and builds a config. Choosing {@code RETAIN_LONG_MODIFIED_DATES} replaces the
   * default full dates; choosing both is an error.
   */
  public static DeidConfig of(byte[] secretKey, Set<ProfileOption> options) {
    EnumSet<ProfileOption> o = options.isEmpty() ? EnumSet.noneOf(ProfileOption.class)
        : EnumSet.copyOf(options);
    o.remove(ProfileOption.BASIC);
    boolean full = o.contains(ProfileOption.RETAIN_LONG_FULL_DATES);
    boolean modified = o.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES);
    if (full && modified) {
      throw new IllegalArgumentException("choose either retainLongFullDates or "
          + "retainLongModifiedDates (shifted dates), not both");
    }
    if (!full && !modified) {
      o.add(ProfileOption.RETAIN_LONG_FULL_DATES);
    }
    if (o.contains(ProfileOption.RETAIN_UIDS)) {
      throw new IllegalArgumentException("retainUids is not offered: UIDs are always replaced "
          + "by keyed 2.25 UIDs so that references stay consistent");
    }
    new Keyed(secretKey); // validates the key
    return new DeidConfig(secretKey, o);
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
