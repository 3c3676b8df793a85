package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One row of the mapping CSV (the key file): a subject and one CT date of its patient, with how
 * many studies, series and files that visit holds. {@code shiftedCtDate} is empty unless dates are
 * shifted. PHI: never logged.
 */
public record MappingRow(
    String subject,
    String mrn,
    String ctDate,
    String shiftedCtDate,
    long studies,
    long series,
    long files)
    implements Serializable {

  /** Rows sort by subject, then CT date, then MRN (the file's order). */
  public static final Comparator<MappingRow> ORDER =
      Comparator.comparing(MappingRow::subject)
          .thenComparing(MappingRow::ctDate)
          .thenComparing(MappingRow::mrn);

  public MappingRow {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(mrn, "mrn");
    Objects.requireNonNull(ctDate, "ctDate");
    shiftedCtDate = shiftedCtDate == null ? "" : shiftedCtDate;
  }

  /** The row's identity in a merge: subject, MRN and CT date. */
  public String visitKey() {
    return subject + "\u0000" + mrn + "\u0000" + ctDate;
  }

  @Override
  public String toString() {
    return "MappingRow[" + subject + "]";
  }

  /** Deterministic: strings as length-prefixed UTF-8, counts as var-longs. */
  public static final class MappingRowCoder extends AtomicCoder<MappingRow> {
    private static final MappingRowCoder INSTANCE = new MappingRowCoder();
    private static final StringUtf8Coder S = StringUtf8Coder.of();
    private static final VarLongCoder L = VarLongCoder.of();

    public static MappingRowCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(MappingRow r, OutputStream out) throws IOException {
      S.encode(r.subject(), out);
      S.encode(r.mrn(), out);
      S.encode(r.ctDate(), out);
      S.encode(r.shiftedCtDate(), out);
      L.encode(r.studies(), out);
      L.encode(r.series(), out);
      L.encode(r.files(), out);
    }

    @Override
    public MappingRow decode(InputStream in) throws IOException {
      return new MappingRow(
          S.decode(in),
          S.decode(in),
          S.decode(in),
          S.decode(in),
          L.decode(in),
          L.decode(in),
          L.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
