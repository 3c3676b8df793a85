package org.dicomdeid.dicom;

import java.io.IOException;

/**
 * The one exception the codec throws for input that is not DICOM, is truncated, or is
 * inconsistent. It names the byte offset where the problem was found and the problem; it never
 * carries attribute values, which may be PHI.
 */
public class DicomParseException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String problem;

  public DicomParseException(long offset, String problem) {
    this(offset, problem, null);
  }

  public DicomParseException(long offset, String problem, Throwable cause) {
    super("at byte offset " + offset + ": " + problem, cause);
    this.offset = offset;
    this.problem = problem;
  }

  /** Offset in the (decoded) stream where the problem was found; -1 when unknown. */
  public long offset() {
    return offset;
  }

  /** What is wrong, without the offset. */
  public String problem() {
    return problem;
  }
}
