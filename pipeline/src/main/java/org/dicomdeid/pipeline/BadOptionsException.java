package org.dicomdeid.pipeline;

/** Options that cannot work; the message says what to fix. Exit status 2. */
public final class BadOptionsException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadOptionsException(String message) {
    super(message);
  }
}
