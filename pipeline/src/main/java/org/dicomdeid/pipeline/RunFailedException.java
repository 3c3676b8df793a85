package org.dicomdeid.pipeline;

/**
 * The pipeline failed or did not finish, or its report could not be read: the message is the root
 * cause's class and message. Exit status 1.
 */
public final class RunFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public RunFailedException(Throwable cause) {
    super(rootMessage(cause), cause);
  }

  /** The innermost cause as {@code SimpleName: message}, or its name when it has none. */
  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null
        ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
