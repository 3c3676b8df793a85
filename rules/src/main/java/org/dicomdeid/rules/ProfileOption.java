package org.dicomdeid.rules;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Basic Application Level Confidentiality Profile and its Options, PS3.15 E.2 and E.3, with
 * their codes from PS3.16 CID 7050 "De-identification Method" (coding scheme DCM), as recorded in
 * De-identification Method Code Sequence (0012,0064).
 *
 * <p>Each constant names the column of Table E.1-1 that holds its actions. Clean Pixel Data
 * (113101) and Clean Recognizable Visual Features (113102) have no column in the table and are not
 * listed here.
 */
public enum ProfileOption {
  /** PS3.15 E.2. Always applied; not selectable. */
  BASIC("basic", "113100", "Basic Application Confidentiality Profile", "basic"),
  /** PS3.15 E.3.10. */
  RETAIN_SAFE_PRIVATE(
      "retain_safe_private", "113111", "Retain Safe Private Option", "retainSafePrivate"),
  /** PS3.15 E.3.9. */
  RETAIN_UIDS("retain_uids", "113110", "Retain UIDs Option", "retainUids"),
  /** PS3.15 E.3.8. */
  RETAIN_DEVICE_IDENTITY(
      "retain_device_identity", "113109", "Retain Device Identity Option", "retainDeviceIdentity"),
  /** PS3.15 E.3.11. */
  RETAIN_INSTITUTION_IDENTITY(
      "retain_institution_identity",
      "113112",
      "Retain Institution Identity Option",
      "retainInstitutionIdentity"),
  /** PS3.15 E.3.7. */
  RETAIN_PATIENT_CHARACTERISTICS(
      "retain_patient_characteristics",
      "113108",
      "Retain Patient Characteristics Option",
      "retainPatientCharacteristics"),
  /** PS3.15 E.3.6. */
  RETAIN_LONG_FULL_DATES(
      "retain_long_full_dates",
      "113106",
      "Retain Longitudinal Temporal Information Full Dates Option",
      "retainLongFullDates"),
  /** PS3.15 E.3.6. C in its column means: shift dates and times consistently. */
  RETAIN_LONG_MODIFIED_DATES(
      "retain_long_modified_dates",
      "113107",
      "Retain Longitudinal Temporal Information Modified Dates Option",
      "retainLongModifiedDates"),
  /** PS3.15 E.3.5. */
  CLEAN_DESCRIPTORS("clean_descriptors", "113105", "Clean Descriptors Option", "cleanDescriptors"),
  /** PS3.15 E.3.4. */
  CLEAN_STRUCTURED_CONTENT(
      "clean_structured_content",
      "113104",
      "Clean Structured Content Option",
      "cleanStructuredContent"),
  /** PS3.15 E.3.3. */
  CLEAN_GRAPHICS("clean_graphics", "113103", "Clean Graphics Option", "cleanGraphics");

  /** Coding Scheme Designator of the CID 7050 codes. */
  public static final String CODING_SCHEME_DESIGNATOR = "DCM";

  private final String column;
  private final String codeValue;
  private final String codeMeaning;
  private final String optionName;

  ProfileOption(String column, String codeValue, String codeMeaning, String optionName) {
    this.column = column;
    this.codeValue = codeValue;
    this.codeMeaning = codeMeaning;
    this.optionName = optionName;
  }

  /** The column of the project's Table E.1-1 resource, e.g. {@code retain_uids}. */
  public String column() {
    return column;
  }

  /** Code Value in CID 7050, e.g. {@code 113110}. */
  public String codeValue() {
    return codeValue;
  }

  /** Code Meaning exactly as CID 7050 words it. */
  public String codeMeaning() {
    return codeMeaning;
  }

  /** The user-facing name, e.g. {@code retainDeviceIdentity}. */
  public String optionName() {
    return optionName;
  }

  /** False for {@link #BASIC}, which is always applied. */
  public boolean selectable() {
    return this != BASIC;
  }

  /**
   * The selectable option with this user-facing name (case-sensitive).
   *
   * @throws IllegalArgumentException naming the valid option names, if there is none; the names
   *     listed are those DeidConfig accepts ({@link #RETAIN_UIDS} is named but refused there)
   */
  public static ProfileOption byName(String name) {
    for (ProfileOption o : values()) {
      if (o.selectable() && o.optionName.equals(name)) {
        return o;
      }
    }
    String valid =
        Arrays.stream(values())
            .filter(o -> o.selectable() && o != RETAIN_UIDS)
            .map(ProfileOption::optionName)
            .collect(Collectors.joining(", "));
    String hint = BASIC.optionName.equals(name) ? " (the Basic Profile is always applied)" : "";
    throw new IllegalArgumentException(
        "Unknown de-identification option '" + name + "'" + hint + "; valid options: " + valid);
  }
}
