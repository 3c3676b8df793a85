package org.dicomdeid.transforms;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicomdeid.rules.CtDate;

/**
 * Hospital exports name each visit's folder {@code <MRN>_<YYYYMMDD>}. The DICOM values win; this
 * only says, for the report, when the nearest such folder disagrees with them. The note names
 * which value disagrees, never the values (the report already holds the path).
 */
public final class FolderNames {
  private static final Pattern VISIT = Pattern.compile("(.+)_(\\d{8})");

  private FolderNames() {}

  /**
   * The MRN and CT date of the nearest {@code <MRN>_<YYYYMMDD>} folder, or null if none; the
   * folder name as the report shows it ({@link FileNames#display}), whatever its bytes.
   */
  public static String[] visit(String path) {
    String[] parts = FileNames.display(path).split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      Matcher m = VISIT.matcher(parts[i]);
      if (m.matches() && !CtDate.normalise(m.group(2)).isEmpty()) {
        return new String[] {m.group(1), m.group(2)};
      }
    }
    return null;
  }

  /** A note for the report, or "" when the folder agrees or is not named like a visit. */
  public static String disagreement(String path, String mrn, String studyCtDate) {
    String[] parts = FileNames.display(path).split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      Matcher m = VISIT.matcher(parts[i]);
      if (m.matches()) {
        boolean mrnDiffers = !m.group(1).equals(mrn);
        boolean dateDiffers = !m.group(2).equals(studyCtDate);
        if (mrnDiffers && dateDiffers) {
          return "folder name disagrees with PatientID and with the study's CT date; "
              + "DICOM values used";
        } else if (mrnDiffers) {
          return "folder name disagrees with PatientID; DICOM value used";
        } else if (dateDiffers) {
          return "folder name disagrees with the study's CT date; DICOM value used";
        }
        return "";
      }
    }
    return "";
  }
}
