package org.dicomdeid.rules;

/**
 * What the engine applies to every file, set up once: the config, the keyed functions, the
 * profile's rules for its options and the safe-private list.
 */
record RuleSet(DeidConfig config, Keyed keyed, ElementRules elements, SafePrivate safePrivate) {
  RuleSet(DeidConfig config, SafePrivate safePrivate) {
    this(
        config,
        new Keyed(config.secretKey()),
        new ElementRules(Profile.standard(), config.options(), config.keepUnlistedText()),
        safePrivate);
  }
}
