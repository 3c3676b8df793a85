package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * One row of the report: an input path, its status, why, and where it went (relative to the
 * output folder, empty unless written). PHI side: the input path may hold an MRN.
 */
public record Outcome(String input, Status status, String reason, String output)
    implements Serializable {
  public Outcome {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    output = output == null ? "" : output;
  }

  public static Outcome written(String input, String output, String note) {
    return new Outcome(input, Status.WRITTEN, note, output);
  }

  /** De-identified to bytes identical to the existing output file, which was left alone. */
  public static Outcome unchanged(String input, String output, String note) {
    return new Outcome(input, Status.UNCHANGED, note, output);
  }

  public static Outcome skipped(String input, String reason) {
    return new Outcome(input, Status.SKIPPED, reason, "");
  }

  public static Outcome quarantined(String input, String reason) {
    return new Outcome(input, Status.QUARANTINED, reason, "");
  }

  public static Outcome failed(String input, String reason) {
    return new Outcome(input, Status.FAILED, reason, "");
  }

  @Override
  public String toString() {
    return "Outcome[" + status.label() + "]";
  }

  /** Deterministic: four length-prefixed UTF-8 strings. */
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
      S.encode(o.reason(), out);
      S.encode(o.output(), out);
    }

    @Override
    public Outcome decode(InputStream in) throws IOException {
      return new Outcome(S.decode(in), Status.valueOf(S.decode(in)), S.decode(in), S.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
