package org.dicomdeid.dicom;

import java.io.IOException;

/**
 * The one exception the codec throws for input that is not DICOM, is truncated, or is inconsistent.
 * It names the kind of problem, the byte offset where it was found and the problem in words; it
 * never carries attribute values, which may be PHI.
 */
public class DicomParseException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem: callers decide by kind, never by the words of the message. */
  public enum Kind {
    /** Not DICOM at all (empty, too short, no DICM prefix and no data element at the start). */
    NOT_DICOM,
    /** DICOM that ends too early: a value, an element or a sequence is cut off. */
    TRUNCATED,
    /** DICOM whose structure is broken: a length, delimiter, item or tag order is wrong. */
    MALFORMED,
    /** A deflated data set (PS3.5 A.5) that cannot be inflated. */
    CORRUPT_DEFLATE,
    /** A value longer than the codec holds in memory. */
    TOO_LARGE,
    /** The input read again was not the input read the first time. */
    INPUT_CHANGED,
    /** No SOP Class UID or SOP Instance UID, which every rewritten file must have. */
    MISSING_UID
  }

  private final Kind kind;
  private final long offset;
  private final String problem;

  public DicomParseException(Kind kind, long offset, String problem) {
    this(kind, offset, problem, null);
  }

  public DicomParseException(Kind kind, long offset, String problem, Throwable cause) {
    super("at byte offset " + offset + ": " + problem, cause);
    this.kind = kind;
    this.offset = offset;
    this.problem = problem;
  }

  /** What kind of problem this is. */
  public Kind kind() {
    return kind;
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
