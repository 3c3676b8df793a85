package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * One row of the report: an input path, its status, why (or what is noted about a written file),
 * and where it went (relative to the output folder, empty unless written). PHI side: the input path
 * may hold an MRN.
 */
public record Outcome(String input, Status status, List<Reason> reasons, String output)
    implements Serializable {
  public Outcome {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(status, "status");
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    output = output == null ? "" : output;
  }

  public static Outcome written(String input, String output, List<Reason> notes) {
    return new Outcome(input, Status.WRITTEN, notes, output);
  }

  /** De-identified to bytes identical to the existing output file, which was left alone. */
  public static Outcome unchanged(String input, String output, List<Reason> notes) {
    return new Outcome(input, Status.UNCHANGED, notes, output);
  }

  public static Outcome skipped(String input, Reason reason) {
    return new Outcome(input, Status.SKIPPED, List.of(reason), "");
  }

  public static Outcome quarantined(String input, Reason reason) {
    return new Outcome(input, Status.QUARANTINED, List.of(reason), "");
  }

  public static Outcome failed(String input, Reason reason) {
    return new Outcome(input, Status.FAILED, List.of(reason), "");
  }

  /** The report's {@code reason} column. */
  public String reasonText() {
    return Reason.text(reasons);
  }

  @Override
  public String toString() {
    return "Outcome[" + status.label() + "]";
  }

  /** Deterministic: input, status, reasons ({@link Reason#encode}), output. */
  public static final class OutcomeCoder extends AtomicCoder<Outcome> {
    private static final OutcomeCoder INSTANCE = new OutcomeCoder();
    private static final StringUtf8Coder S = StringUtf8Coder.of();

    public static OutcomeCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Outcome o, OutputStream out) throws IOException {
      S.encode(o.input(), out);
      S.encode(o.status().name(), out);
      Reason.encode(o.reasons(), out);
      S.encode(o.output(), out);
    }

    @Override
    public Outcome decode(InputStream in) throws IOException {
      return new Outcome(
          S.decode(in), Status.valueOf(S.decode(in)), Reason.decode(in), S.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
