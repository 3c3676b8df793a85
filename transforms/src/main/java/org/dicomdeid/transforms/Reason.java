package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * Why a file went where it went, or what the report notes about it: a {@link Kind} and, for kinds
 * that need one, a detail (a class name, a problem the codec found, an attribute's name; never a
 * value read from the file). The report's text is made here and only here ({@link #text(List)}).
 */
public record Reason(Kind kind, String detail) implements Serializable {
  /** The kinds of reason, each with the report's words ({@code %s}: where the detail goes). */
  public enum Kind {
    // not read (skipped)
    FOLDER("a folder, not a file"),
    NOT_REGULAR_FILE("not a regular file (FIFO, socket or device)"),
    SAME_FILE("the same file as %s (a link or a second name); read once, under that path"),
    LINK_LOOP(
        "symbolic link loop: leads back to a folder that contains it; not followed (its"
            + " files are read under their other path)"),
    DICOMDIR("DICOMDIR (media directory), not an image"),
    NOT_DICOM("not DICOM: %s"),
    // failed before the header was read
    NAME_NOT_OPENABLE(
        "cannot be opened by name: its bytes are not valid in this JVM's file-name"
            + " encoding (%s); run through run-configs/direct.sh, which starts Java under a locale"
            + " that maps every byte"),
    CANNOT_LIST("cannot list or open: %s"),
    VANISHED("file vanished before it could be read"),
    PERMISSION_DENIED("permission denied"),
    CANNOT_READ("cannot read the file: %s"),
    CANNOT_READ_HEADER("cannot read the header: %s"),
    UNREADABLE_DICOM("unreadable DICOM: %s"),
    MISSING_PATIENT_ID(
        "missing PatientID, and no <MRN>_<YYYYMMDD> visit folder above the file"
            + " to take the MRN from: without an MRN it cannot be given a subject"),
    MISSING_IDENTIFIER("missing %s"),
    // held (quarantined): the detail is BurnedIn's sentence
    BURNED_IN("%s"),
    // failed by the series and study checks (GroupBySeries)
    DUPLICATE_INSTANCE("duplicate SOP Instance UID"),
    SERIES_MRN_CONFLICT("series disagrees on PatientID (MRN) across its files"),
    SERIES_STUDY_CONFLICT("series disagrees on StudyInstanceUID across its files"),
    STUDY_MRN_CONFLICT("study's series disagree on PatientID (MRN)"),
    NO_CT_DATE(
        "no CT date in the study (AcquisitionDate, ContentDate, SeriesDate, StudyDate,"
            + " AcquisitionDateTime, FrameAcquisitionDateTime, FrameReferenceDateTime,"
            + " InstanceCreationDate all empty)"),
    // failed by the rewrite
    NO_SUBJECT("no subject assigned to the file's MRN"),
    OUTPUT_EXISTS(
        "the output file exists with different content (rerun with --overwrite to"
            + " replace it)"),
    DEID_FAILED("de-identification failed: %s"),
    // notes of a written file
    MRN_FROM_FOLDER("no PatientID in the file; MRN taken from the folder name"),
    DATE_FROM_FOLDER("no CT date in the study; date taken from the folder name"),
    CT_DATE_SOURCE("CT date from %s"),
    FOLDER_DISAGREES(
        "folder name disagrees with PatientID and with the study's CT date; DICOM"
            + " values used"),
    FOLDER_DISAGREES_ON_MRN("folder name disagrees with PatientID; DICOM value used"),
    FOLDER_DISAGREES_ON_DATE("folder name disagrees with the study's CT date; DICOM value used"),
    READ_THROUGH("read through: %s");

    private final String before;
    private final String after;
    private final boolean hasDetail;

    Kind(String words) {
      int at = words.indexOf("%s");
      hasDetail = at >= 0;
      before = hasDetail ? words.substring(0, at) : words;
      after = hasDetail ? words.substring(at + 2) : "";
    }
  }

  public Reason {
    Objects.requireNonNull(kind, "kind");
    detail = detail == null ? "" : detail;
    if (!kind.hasDetail && !detail.isEmpty()) {
      throw new IllegalArgumentException(kind + " takes no detail");
    }
  }

  /** A reason of a kind without detail. */
  public static Reason of(Kind kind) {
    return new Reason(kind, "");
  }

  /** A reason of a kind with a detail. */
  public static Reason of(Kind kind, String detail) {
    return new Reason(kind, detail);
  }

  /** The report's words for this reason. */
  public String text() {
    return kind.hasDetail ? kind.before + detail + kind.after : kind.before;
  }

  /** The report's {@code reason} column: the reasons in order, joined with "; ". */
  public static String text(List<Reason> reasons) {
    return reasons.stream().map(Reason::text).collect(Collectors.joining("; "));
  }

  @Override
  public String toString() {
    return "Reason[" + kind + "]";
  }

  /** Deterministic: a count, then each reason's kind name and detail as UTF-8 strings. */
  static void encode(List<Reason> reasons, OutputStream out) throws IOException {
    VarIntCoder.of().encode(reasons.size(), out);
    for (Reason r : reasons) {
      StringUtf8Coder.of().encode(r.kind().name(), out);
      StringUtf8Coder.of().encode(r.detail(), out);
    }
  }

  static List<Reason> decode(InputStream in) throws IOException {
    int n = VarIntCoder.of().decode(in);
    if (n == 0) {
      return List.of();
    }
    List<Reason> reasons = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      reasons.add(
          new Reason(
              Kind.valueOf(StringUtf8Coder.of().decode(in)), StringUtf8Coder.of().decode(in)));
    }
    return List.copyOf(reasons);
  }
}
