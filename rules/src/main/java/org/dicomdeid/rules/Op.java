package org.dicomdeid.rules;

/**
 * What the engine does to one element, after the profile's action, the options and the VR rules
 * have been weighed (see {@link ElementRules}). The PS3.15 action codes say what is wanted; an Op
 * says how it is done to bytes.
 */
enum Op {
  /** K: copy the value unchanged (streamed when large). */
  KEEP,
  /** X: leave the element out. */
  REMOVE,
  /** Z: write the element with an empty value (an empty sequence for SQ). */
  EMPTY,
  /** D: replace the value with a dummy of the same VR. */
  DUMMY,
  /** U: replace each UID value that is not a registered DICOM UID with its keyed 2.25 UID. */
  UID,
  /** C for dates and date-times under the shifted-dates option: shift by the subject's offset. */
  SHIFT_DATE,
  /** For sequences: keep the sequence and apply the rules to every item's attributes. */
  RECURSE,
  /**
   * For sequences under C (PS3.15 E.3.3, E.3.4): keep the items and clean them: the rules apply
   * inside, and unlisted names and free text become dummies instead of being removed.
   */
  CLEAN
}
