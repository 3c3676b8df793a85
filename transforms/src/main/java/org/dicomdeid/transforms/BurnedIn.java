package org.dicomdeid.transforms;

import java.util.Set;
import org.dicomdeid.dicom.DicomHeader;

/**
 * Which files may carry identifying text in their pixels (PS3.15 E.1.1 note on Burned In
 * Annotation): quarantined unless the user opts in.
 */
public final class BurnedIn {
  /** Modalities whose images are often screenshots or have text drawn on them. */
  static final Set<String> MODALITIES = Set.of("US", "SC", "XC", "OT", "DOC");
  /** Secondary Capture Image Storage and its multi-frame variants (PS3.4 B.5). */
  static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

  private BurnedIn() {}

  /** Why the file may carry burned-in text, or "" when nothing says so. */
  public static String reason(DicomHeader h) {
    if ("YES".equals(h.burnedInAnnotation())) {
      return "may carry burned-in text: BurnedInAnnotation is YES";
    }
    if (MODALITIES.contains(h.modality())) {
      return "may carry burned-in text: modality " + h.modality();
    }
    String sop = h.sopClassUid();
    if (sop.equals(SECONDARY_CAPTURE) || sop.startsWith(SECONDARY_CAPTURE + ".")) {
      return "may carry burned-in text: secondary capture SOP class";
    }
    return "";
  }
}
