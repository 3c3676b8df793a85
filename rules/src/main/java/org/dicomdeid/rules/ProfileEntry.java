package org.dicomdeid.rules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of PS3.15 Table E.1-1: the attribute, its Basic Profile action and the actions of the
 * Options that change it.
 *
 * @param tag the tag as written in the project's resource: 8 hex digits ({@code 00100010}), a
 *     repeating-group pattern with {@code x} for any hex digit ({@code 60xx3000}, PS3.5 7.6), or
 *     {@code odd-group} for private attributes (PS3.5 7.8.1)
 * @param name the attribute name as the table gives it
 * @param basic the Basic Profile action, possibly a combined code such as {@link Action#X_Z}
 * @param optionActions the action of each Option whose column is not empty for this row
 */
public record ProfileEntry(
    String tag, String name, Action basic, Map<ProfileOption, Action> optionActions) {

  public ProfileEntry {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(basic, "basic");
    EnumMap<ProfileOption, Action> copy = new EnumMap<>(ProfileOption.class);
    copy.putAll(optionActions);
    if (copy.containsKey(ProfileOption.BASIC)) {
      throw new IllegalArgumentException("BASIC is the basic column, not an option: " + tag);
    }
    optionActions = Collections.unmodifiableMap(copy);
  }

  /** The action in this option's column, or null where the option does not change the basic. */
  public Action optionAction(ProfileOption option) {
    return option == ProfileOption.BASIC ? basic : optionActions.get(option);
  }
}
