package org.dicomdeid.transforms;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicomdeid.rules.CtDate;

/**
 * Hospital exports name each visit's folder {@code <MRN>_<YYYYMMDD>}. The DICOM values win; this
 * only says, for the report, when the nearest such folder disagrees with them. The note names which
 * value disagrees, never the values (the report already holds the path).
 */
public final class FolderNames {
  private static final Pattern VISIT = Pattern.compile("(.+)_(\\d{8})");

  /**
   * A visit folder's name, {@code <MRN>_<YYYYMMDD>}.
   *
   * @param mrn the MRN part
   * @param ctDate the date part, YYYYMMDD
   */
  public record Visit(String mrn, String ctDate) {}

  private FolderNames() {}

  /**
   * The nearest {@code <MRN>_<YYYYMMDD>} folder above the file, if any; the folder name as the
   * report shows it ({@link FileNames#display}), whatever its bytes.
   */
  public static Optional<Visit> visit(String path) {
    String[] parts = FileNames.display(path).split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      Matcher m = VISIT.matcher(parts[i]);
      if (m.matches() && !CtDate.normalise(m.group(2)).isEmpty()) {
        return Optional.of(new Visit(m.group(1), m.group(2)));
      }
    }
    return Optional.empty();
  }

  /** The report's note when the nearest visit-like folder disagrees; empty otherwise. */
  public static Optional<Reason> disagreement(String path, String mrn, String studyCtDate) {
    String[] parts = FileNames.display(path).split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      Matcher m = VISIT.matcher(parts[i]);
      if (m.matches()) {
        boolean mrnDiffers = !m.group(1).equals(mrn);
        boolean dateDiffers = !m.group(2).equals(studyCtDate);
        if (mrnDiffers && dateDiffers) {
          return Optional.of(Reason.of(Reason.Kind.FOLDER_DISAGREES));
        } else if (mrnDiffers) {
          return Optional.of(Reason.of(Reason.Kind.FOLDER_DISAGREES_ON_MRN));
        } else if (dateDiffers) {
          return Optional.of(Reason.of(Reason.Kind.FOLDER_DISAGREES_ON_DATE));
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
