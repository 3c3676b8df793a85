package org.dicomdeid.rules;

import java.io.IOException;

/**
 * The last check before publishing ({@link LastCheck}) found an identifier of the file's patient in
 * the de-identified data set: the file must not be published. The message names the kind of
 * identifier and the tag path, never the value.
 */
public final class KnownIdentifierException extends IOException {
  private static final long serialVersionUID = 1L;

  KnownIdentifierException(String kind, String path) {
    super(
        "the last check found the patient's "
            + kind
            + " at "
            + path
            + " in the de-identified data set; the file is kept out of the output");
  }
}
