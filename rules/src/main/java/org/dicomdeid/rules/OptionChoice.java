package org.dicomdeid.rules;

import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code --options} list as chosen by name: PS3.15 options ({@link ProfileOption}) and {@link
 * DeidConfig#KEEP_UNLISTED_TEXT}, which is not a PS3.15 option. The one parser of that list, for
 * the up-front check of the command line and for the run's settings alike.
 *
 * @param options the PS3.15 options named; the defaults when the list is empty
 * @param keepUnlistedText whether {@link DeidConfig#KEEP_UNLISTED_TEXT} is named
 */
public record OptionChoice(Set<ProfileOption> options, boolean keepUnlistedText) {

  /**
   * Parses a comma-separated list of option names (case-sensitive; blank items ignored).
   *
   * @throws IllegalArgumentException naming the unknown name and every name this list takes
   */
  public static OptionChoice parse(String list) {
    if (list == null || list.isBlank()) {
      return new OptionChoice(DeidConfig.defaultOptions(), false);
    }
    Set<ProfileOption> options = EnumSet.noneOf(ProfileOption.class);
    boolean keep = false;
    for (String item : list.split(",")) {
      String name = item.strip();
      if (name.equals(DeidConfig.KEEP_UNLISTED_TEXT)) {
        keep = true;
      } else if (!name.isEmpty()) {
        try {
          options.add(ProfileOption.byName(name));
        } catch (IllegalArgumentException e) {
          // byName lists the PS3.15 names; this list also takes keepUnlistedText
          throw new IllegalArgumentException(
              e.getMessage() + ", " + DeidConfig.KEEP_UNLISTED_TEXT, e);
        }
      }
    }
    return new OptionChoice(options, keep);
  }

  /** The engine's configuration under {@code secretKey} (validated as {@link DeidConfig#of}). */
  public DeidConfig config(byte[] secretKey) {
    return DeidConfig.of(secretKey, options).withKeepUnlistedText(keepUnlistedText);
  }
}
