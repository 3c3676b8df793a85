package org.dicomdeid.rules;

import java.util.EnumSet;
import java.util.Set;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;

/**
 * Decides what happens to an element. The precedence, in one place:
 *
 * <ol>
 *   <li>The subject rules (PatientID, PatientName) and the de-identification record attributes that
 *       the engine writes itself (PS3.15 E.1.1, 0012,0062-0064 and 0028,0303) replace the input's
 *       at the top level; {@link Deidentifier} handles them before asking here.
 *   <li>Private attributes (odd groups, PS3.5 7.8) are removed, unless Retain Safe Private is
 *       selected and the attribute is on the safe list ({@link SafePrivate}).
 *   <li>Never kept: command elements (0000,xxxx, PS3.7 E.1) and file meta elements (0002,xxxx,
 *       PS3.10 7.1) found inside a data set; a tag the dictionary does not know, whatever its VR or
 *       encoding; every UR value (URLs such as RetrieveURL carry UIDs and MRNs); a whole overlay
 *       (60xx, PS3.3 C.9.2) or curve (50xx) group when its data goes (PS3.15 E.1-1 rows 60xx3000,
 *       50xxxxxx).
 *   <li>An attribute listed in PS3.15 Table E.1-1 gets the table's action under the selected
 *       options ({@link Profile#actionFor}). C means: shift for DA/DT when dates are shifted, clean
 *       the items for SQ, and otherwise empty the value. On a sequence, Z writes it empty and D
 *       removes it (as dcm4che's and CTP's basic profiles do for ContentSequence and
 *       GraphicAnnotationSequence; a dummy item would have to be invented, and an empty Type 1 or
 *       1C sequence is invalid where an absent one is not): the original items and their text never
 *       survive. Reference sequences (Referenced...Sequence) hold UID references and keep their
 *       items with the rules applied, as X/Z/U* does.
 *   <li>Not listed: by VR (Table E.1-1 is "subject to extension"): UI values that are not
 *       registered DICOM UIDs are replaced (U), except class, syntax and coding-scheme UIDs; DA and
 *       DT are kept with full dates and shifted with modified dates; PN is emptied; text (AE LO LT
 *       SH ST UC UT) is removed unless on {@link UnlistedTextKeepList} (or the keepUnlistedText
 *       choice); a sequence is recursed into; anything else is kept.
 *   <li>Inside a sequence that is being cleaned (C: Clean Structured Content, Clean Graphics,
 *       PS3.15 E.3.3, E.3.4), unlisted PN and free text are replaced by a dummy instead of being
 *       removed, so that the items stay valid; codes and numbers are kept.
 * </ol>
 */
final class ElementRules {
  /** VRs whose values can hold free text, names or addresses. */
  static final Set<VR> TEXT =
      EnumSet.of(VR.AE, VR.LO, VR.LT, VR.PN, VR.SH, VR.ST, VR.UC, VR.UR, VR.UT);

  private final Profile profile;
  private final Set<ProfileOption> options;
  private final boolean shiftDates;
  private final boolean keepUnlistedText;
  private final boolean overlaysGo;
  private final boolean curvesGo;

  ElementRules(Profile profile, Set<ProfileOption> options) {
    this(profile, options, false);
  }

  ElementRules(Profile profile, Set<ProfileOption> options, boolean keepUnlistedText) {
    this.profile = profile;
    this.options = options;
    this.shiftDates = options.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES);
    this.keepUnlistedText = keepUnlistedText;
    this.overlaysGo = profile.actionFor(0x60003000, options) != Action.K;
    this.curvesGo = profile.actionFor(0x50003000, options) != Action.K;
  }

  /** The Op for a public (even group) element outside cleaned items; {@code vr} effective. */
  Op decide(int tag, VR vr) {
    return decide(tag, vr, false);
  }

  /**
   * The Op for a public (even group) element; {@code vr} is the effective VR; {@code cleaning} is
   * true inside the items of a sequence whose action is C.
   */
  Op decide(int tag, VR vr, boolean cleaning) {
    if (neverKept(tag) || vr == VR.UR) {
      return Op.REMOVE;
    }
    Action a = profile.actionFor(tag, options);
    if (a != null) {
      return vr == VR.SQ ? sequence(tag, a) : fromAction(a, vr);
    }
    switch (vr) {
      case SQ:
        return cleaning ? Op.CLEAN : Op.RECURSE;
      case UI:
        return isClassOrSyntaxUid(tag) ? Op.KEEP : Op.UID;
      case DA:
      case DT:
        return shiftDates ? Op.SHIFT_DATE : Op.KEEP;
      case PN:
        return cleaning ? Op.DUMMY : Op.EMPTY;
      default:
        if (!TEXT.contains(vr) || UnlistedTextKeepList.contains(tag) || keepUnlistedText) {
          return Op.KEEP;
        }
        return cleaning ? Op.DUMMY : Op.REMOVE;
    }
  }

  /** Command, file meta, unknown tags and data-less overlay or curve groups: always removed. */
  boolean neverKept(int tag) {
    int group = Tags.group(tag);
    if (group == 0x0000 || group == 0x0002) {
      return true;
    }
    if ((group & 0xFF01) == 0x6000 && overlaysGo || (group & 0xFF01) == 0x5000 && curvesGo) {
      return true; // PS3.3 C.9.2, C.10.2 (retired): the whole group, all even groups xx
    }
    return ElementDictionary.keywordOf(tag).isEmpty();
  }

  private Op sequence(int tag, Action a) {
    switch (a) {
      case X:
        return Op.REMOVE;
      case C:
        return Op.CLEAN;
      case K:
      case U:
        return Op.RECURSE;
      case Z: // no original item survives; references keep their (replaced) UIDs
        return isReferenceSequence(tag) ? Op.RECURSE : Op.EMPTY;
      default: // D
        return isReferenceSequence(tag) ? Op.RECURSE : Op.REMOVE;
    }
  }

  /** Sequences of SOP references (PS3.3 10.6 SOP Instance Reference Macro and relatives). */
  static boolean isReferenceSequence(int tag) {
    String k = ElementDictionary.keywordOf(tag);
    return k.startsWith("Referenced") && k.endsWith("Sequence");
  }

  private Op fromAction(Action a, VR vr) {
    switch (a) {
      case K:
        return Op.KEEP;
      case X:
        return Op.REMOVE;
      case Z:
        return Op.EMPTY;
      case D:
        return vr == VR.UI ? Op.UID : Op.DUMMY;
      case U:
        return Op.UID;
      case C:
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
   * UIDs that name a kind of thing rather than an instance: SOP classes, transfer syntaxes, coding
   * schemes, context groups, implementation classes. Private ones stay too: they identify a
   * vendor's class, not a patient.
   */
  static boolean isClassOrSyntaxUid(int tag) {
    String k = ElementDictionary.keywordOf(tag);
    return k.endsWith("ClassUID")
        || k.contains("SOPClass")
        || k.contains("TransferSyntax")
        || k.equals("CodingSchemeUID")
        || k.equals("ContextUID")
        || k.equals("ContextGroupExtensionCreatorUID")
        || k.equals("PrivateInformationCreatorUID")
        || Tags.group(tag) == 0x0002 && k.equals("ImplementationClassUID");
  }

  /**
   * The VR the rules decide by. For UN elements of a known public tag, the dictionary's VR. For a
   * text attribute sent with a binary or other non-text VR, the dictionary's text VR, so that text
   * cannot hide behind a VR that is kept.
   */
  static VR effectiveVr(int tag, VR vr) {
    VR d = ElementDictionary.vrOf(tag);
    if (vr == VR.UN) {
      return d == VR.SQ ? VR.UN : d;
    }
    return TEXT.contains(d) && !TEXT.contains(vr) ? d : vr;
  }

  /** Text sent under a tag whose registered VR is not text (a date, a number, a sequence). */
  static boolean textUnderNonTextTag(int tag, VR vr) {
    VR d = ElementDictionary.vrOf(tag);
    return TEXT.contains(vr) && d != VR.UN && !TEXT.contains(d);
  }
}
