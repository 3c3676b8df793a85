package org.dicomdeid.transforms;

import java.util.List;
import java.util.Set;
import org.dicomdeid.rules.DicomHeader;

/**
 * Which files may carry identifying text in their pixels or an embedded document (PS3.15 E.1.1 note
 * on Burned In Annotation; PS3.15 E.3.1 Clean Pixel Data): quarantined unless the user opts in.
 * Decided by BurnedInAnnotation, by Modality and by SOP class, since an ultrasound or a photograph
 * often names no Modality the guard knows, and a document has no pixels to look at.
 */
public final class BurnedIn {
  /** Modalities whose images are often screenshots, photographs or have text drawn on them. */
  static final Set<String> MODALITIES =
      Set.of("US", "IVUS", "IVOCT", "SC", "XC", "OT", "DOC", "OP", "OPT", "ES", "GM", "SM");

  /** A SOP class UID, or a prefix that names a family of them (PS3.4 B.5, PS3.6 Annex A). */
  record SopClasses(String uid, boolean family, String what) {
    boolean matches(String sop) {
      return sop.equals(uid) || family && sop.startsWith(uid + ".");
    }
  }

  /** The SOP classes quarantined whatever their Modality says; the README lists them. */
  static final List<SopClasses> SOP_CLASSES =
      List.of(
          new SopClasses(
              "1.2.840.10008.5.1.4.1.1.7",
              true,
              "Secondary Capture Image Storage and its multi-frame variants"),
          new SopClasses(
              "1.2.840.10008.5.1.4.1.1.6",
              true,
              "Ultrasound Image (and retired), Enhanced US Volume, Photoacoustic Image"),
          new SopClasses(
              "1.2.840.10008.5.1.4.1.1.3",
              true,
              "Ultrasound Multi-frame Image (and retired), used for IVUS too"),
          new SopClasses(
              "1.2.840.10008.5.1.4.1.1.14",
              true,
              "Intravascular OCT Image, for presentation and for processing"),
          new SopClasses(
              "1.2.840.10008.5.1.4.1.1.77.1",
              true,
              "VL Endoscopic, Microscopic, Slide-Coordinates, Photographic, Whole Slide,"
                  + " Dermoscopic images and their Video variants; Ophthalmic Photography 8 and 16"
                  + " bit, Ophthalmic Tomography, Wide Field, OCT En Face and B-scan (77.1.5.x)"),
          new SopClasses("1.2.840.10008.5.1.4.1.1.81.1", false, "Ophthalmic Thickness Map"),
          new SopClasses("1.2.840.10008.5.1.4.1.1.82.1", false, "Corneal Topography Map"),
          new SopClasses(
              "1.2.840.10008.5.1.4.1.1.104",
              true,
              "Encapsulated PDF, CDA, STL, OBJ and MTL documents"));

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
    for (SopClasses c : SOP_CLASSES) {
      if (c.matches(sop)) {
        return "may carry burned-in text: SOP class " + sop + " (" + c.what() + ")";
      }
    }
    return "";
  }
}
