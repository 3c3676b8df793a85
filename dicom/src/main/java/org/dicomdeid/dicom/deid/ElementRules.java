package org.dicomdeid.dicom.deid;

import java.util.Set;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;

/**
 * Decides what happens to an element. The precedence, in one place:
 *
 * <ol>
 *   <li>The subject rules (PatientID, PatientName) and the de-identification record attributes
 *       that the engine writes itself (PS3.15 E.1.1, 0012,0062-0064 and 0028,0303) replace the
 *       input's at the top level; {@link Deidentifier} handles them before asking here.
 *   <li>Private attributes (odd groups, PS3.5 7.8) are removed, unless Retain Safe Private is
 *       selected and the attribute is on the safe list ({@link SafePrivate}).
 *   <li>An attribute listed in PS3.15 Table E.1-1 gets the table's action under the selected
 *       options ({@link Profile#actionFor}). C means: shift for DA/DT when dates are shifted,
 *       recurse for SQ, and otherwise empty the value, since free text cannot be proven clean.
 *   <li>Not listed: by VR (Table E.1-1 is "subject to extension"): UI values that are not
 *       registered DICOM UIDs are replaced (U), except class, syntax and coding-scheme UIDs;
 *       DA and DT are kept with full dates and shifted with modified dates; PN is emptied; a
 *       sequence is recursed into; anything else is kept.
 * </ol>
 */
final class ElementRules {
  private final Profile profile;
  private final Set<ProfileOption> options;
  private final boolean shiftDates;

  ElementRules(Profile profile, Set<ProfileOption> options) {
    this.profile = profile;
    this.options = options;
    this.shiftDates = options.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES);
  }

  /** The Op for a public (even group) element; {@code vr} is the effective VR. */
  Op decide(int tag, VR vr) {
    Action a = profile.actionFor(tag, options);
    if (a != null) {
      return fromAction(a.resolve(), vr);
    }
    if (vr == VR.SQ) {
      return Op.RECURSE;
    }
    switch (vr) {
      case UI:
        return isClassOrSyntaxUid(tag) ? Op.KEEP : Op.UID;
      case DA:
      case DT:
        return shiftDates ? Op.SHIFT_DATE : Op.KEEP;
      case PN:
        return Op.EMPTY;
      default:
        return Op.KEEP;
    }
  }

  private Op fromAction(Action a, VR vr) {
    switch (a) {
      case K:
        return vr == VR.SQ ? Op.RECURSE : Op.KEEP;
      case X:
        return Op.REMOVE;
      case Z:
        return Op.EMPTY;
      case D:
        return vr == VR.SQ ? Op.RECURSE : vr == VR.UI ? Op.UID : Op.DUMMY;
      case U:
        return vr == VR.SQ ? Op.RECURSE : Op.UID;
      case C:
        if (vr == VR.SQ) {
          return Op.RECURSE;
        }
        if ((vr == VR.DA || vr == VR.DT) && shiftDates) {
          return Op.SHIFT_DATE;
        }
        if (vr == VR.TM) {
          return Op.KEEP; // a time of day moves with whole-day shifts: nothing to change
        }
        return vr == VR.UI ? Op.UID : Op.EMPTY;
      default:
        throw new IllegalStateException("unresolved action " + a);
    }
  }

  /**
   * UIDs that name a kind of thing rather than an instance: SOP classes, transfer syntaxes,
   * coding schemes, context groups, implementation classes. Private ones stay too: they identify
   * a vendor's class, not a patient.
   */
  static boolean isClassOrSyntaxUid(int tag) {
    String k = ElementDictionary.keywordOf(tag);
    return k.endsWith("ClassUID") || k.contains("SOPClass") || k.contains("TransferSyntax")
        || k.equals("CodingSchemeUID") || k.equals("ContextUID")
        || k.equals("ContextGroupExtensionCreatorUID") || k.equals("PrivateInformationCreatorUID")
        || Tags.group(tag) == 0x0002 && k.equals("ImplementationClassUID");
  }
}
