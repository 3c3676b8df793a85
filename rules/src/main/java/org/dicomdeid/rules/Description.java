package org.dicomdeid.rules;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** {@link Deidentifier#describe()}: what the engine does with a config, in words. */
final class Description {
  private Description() {}

  static String of(DeidConfig config) {
    Set<ProfileOption> options = config.options();
    Profile profile = Profile.standard();
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (ProfileEntry e : profile.entries()) {
      counts.merge(Profile.actionFor(e, options), 1, Integer::sum);
    }
    boolean shift = config.shiftDates();
    StringBuilder sb = new StringBuilder();
    sb.append("Profile: ")
        .append(ProfileOption.BASIC.codeMeaning())
        .append(" (113100), ")
        .append(DeidRecord.PROFILE_EDITION)
        .append(", ")
        .append(profile.size())
        .append(" attributes\n");
    sb.append("Options:\n");
    for (ProfileOption o : ProfileOption.values()) {
      if (o != ProfileOption.BASIC && options.contains(o)) {
        sb.append("  ")
            .append(o.optionName())
            .append(": ")
            .append(o.codeMeaning())
            .append(" (")
            .append(o.codeValue())
            .append(")\n");
      }
    }
    sb.append("Subject rules, before the table:\n");
    sb.append("  PatientID (0010,0020) := subject ID\n");
    sb.append("  PatientName (0010,0010) := <subject ID>_<CT date as YYYYMMDD>")
        .append(shift ? ", the CT date shifted like every other date\n" : ", the real CT date\n");
    sb.append("Table E.1-1 actions with these options:\n");
    line(sb, counts, Action.X, "removed");
    line(sb, counts, Action.Z, "kept with an empty value (an empty sequence for SQ)");
    line(
        sb,
        counts,
        Action.D,
        "replaced with a dummy value of the same VR (a sequence is"
            + " removed: no original item survives)");
    line(
        sb,
        counts,
        Action.U,
        "UIDs replaced with 2.25 UIDs from HMAC-SHA256 of the original" + " under the secret key");
    line(
        sb,
        counts,
        Action.C,
        (shift ? "cleaned: dates shifted, free text emptied" : "cleaned: free text emptied")
            + "; a sequence keeps its items, cleaned: the rules"
            + " apply inside, unlisted names and text become dummies, codes and numbers stay");
    line(sb, counts, Action.K, "kept");
    sb.append(
        "  Z or D on a Referenced...Sequence (UID references): items kept, rules applied"
            + " inside, as X/Z/U*\n");
    sb.append("Attributes the table does not list:\n");
    sb.append(
        "  UI: every UID that is not a registered DICOM UID (1.2.840.10008.*) is replaced"
            + " the same way, except SOP class, transfer syntax and coding scheme UIDs\n");
    sb.append(
        shift
            ? "  DA, DT: shifted by the subject's keyed offset (1 to 3650 days back); TM kept\n"
            : "  DA, DT, TM: kept (full dates retained)\n");
    sb.append("  PN: emptied\n");
    if (config.keepUnlistedText()) {
      sb.append("  AE LO LT SH ST UC UT (text): kept (keepUnlistedText)\n");
    } else {
      sb.append("  AE LO LT SH ST UC UT (text): removed, except the ")
          .append(UnlistedTextKeepList.rows().size())
          .append(
              " attributes of the reviewed keep-list (unlisted-text-keep.csv): technical"
                  + " and coded content such as ConvolutionKernel, Manufacturer, CodeValue\n");
      sb.append(
          "  CodeMeaning: kept for standard coding schemes (DCM, SCT, LN, UCUM, ...),"
              + " a dummy for local ones\n");
    }
    sb.append("  Inside a cleaned sequence (C): unlisted PN and text become dummies\n");
    sb.append("  SQ: the rules are applied to every item, at any depth\n");
    sb.append("  a sequence sent as UN is emptied, since its items cannot be inspected\n");
    sb.append("  anything else (CS, numbers, binary): kept\n");
    sb.append(
        "Always removed, listed or not: UR values (RetrieveURL, RetrieveURI and every"
            + " other URL); command (0000,xxxx) and file meta (0002,xxxx) elements inside the data"
            + " set; tags the dictionary does not know, whatever the VR or encoding; overlay groups"
            + " (60xx) and curve groups (50xx), every even group whole, since their data goes\n");
    sb.append(
        "Wrong VRs: a text attribute sent with a non-text VR is decided as text; text sent under a"
            + " date, number or sequence tag is removed; a kept DA DT TM DS IS AS value with"
            + " characters outside its VR is emptied\n");
    sb.append(
        "Elements out of ascending tag order, or a tag twice: the file fails" + " (PS3.5 7.1)\n");
    sb.append("Private attributes: ")
        .append(
            options.contains(ProfileOption.RETAIN_SAFE_PRIVATE)
                ? "removed unless on the safe-private list (safe-private.txt)\n"
                : "removed\n");
    sb.append("Group lengths (gggg,0000): removed; the file meta group is rebuilt\n");
    sb.append(
        "Recorded in every file: PatientIdentityRemoved (0012,0062) = YES,"
            + " DeidentificationMethod (0012,0063), DeidentificationMethodCodeSequence (0012,0064)"
            + " with codes");
    for (ProfileOption o : ProfileOption.values()) {
      if (o == ProfileOption.BASIC || options.contains(o)) {
        sb.append(' ').append(o.codeValue());
      }
    }
    sb.append(", LongitudinalTemporalInformationModified (0028,0303) = ")
        .append(shift ? "MODIFIED" : "UNMODIFIED")
        .append('\n');
    sb.append("Pixel Data: copied unchanged\n");
    sb.append(
        "Last check before publishing: every value written (outside pixel, overlay and"
            + " waveform data) is searched for the input's MRN, accession number, name, birth date"
            + " and original UIDs; a hit fails the file, naming the tag path\n");
    return sb.toString();
  }

  private static void line(StringBuilder sb, Map<Action, Integer> counts, Action a, String what) {
    sb.append(
        String.format("  %s %4d attributes: %s%n", a.code(), counts.getOrDefault(a, 0), what));
  }
}
