package org.dicomdeid.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;

/**
 * The top-level attributes the engine writes itself, in tag order, replacing any the input had: the
 * subject rules (PatientName, PatientID) and the record of what was done (PS3.15 E.1.1: Patient
 * Identity Removed, De-identification Method, its Code Sequence with CID 7050 codes, and
 * Longitudinal Temporal Information Modified, PS3.3 C.7.6.1.1).
 */
final class DeidRecord {
  static final String TOOL = "dicom-deid 0.1.0";
  static final String PROFILE_EDITION = "PS3.15 Table E.1-1, 2025 edition";

  /** One attribute to write, by tag. */
  interface Insert {
    void write(DicomWriter w) throws IOException;
  }

  private DeidRecord() {}

  /** The inserts for one file, keyed by tag (unsigned order: all are in low groups). */
  static TreeMap<Integer, Insert> inserts(
      String patientName, String patientId, Set<ProfileOption> options) {
    TreeMap<Integer, Insert> m = new TreeMap<>();
    m.put(
        Tags.PatientName,
        w -> w.writeElement(Tags.PatientName, VR.PN, Values.ascii(patientName, VR.PN)));
    m.put(
        Tags.PatientID, w -> w.writeElement(Tags.PatientID, VR.LO, Values.ascii(patientId, VR.LO)));
    m.put(
        Tags.PatientIdentityRemoved,
        w -> w.writeElement(Tags.PatientIdentityRemoved, VR.CS, Values.ascii("YES", VR.CS)));
    m.put(
        Tags.DeidentificationMethod,
        w ->
            w.writeElement(
                Tags.DeidentificationMethod,
                VR.LO,
                Values.ascii(String.join("\\", methodValues(options)), VR.LO)));
    m.put(Tags.DeidentificationMethodCodeSequence, w -> writeCodes(w, options));
    boolean shifted = options.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES);
    m.put(
        Tags.LongitudinalTemporalInformationModified,
        w ->
            w.writeElement(
                Tags.LongitudinalTemporalInformationModified,
                VR.CS,
                Values.ascii(shifted ? "MODIFIED" : "UNMODIFIED", VR.CS)));
    return m;
  }

  /** De-identification Method (LO, 1-n, at most 64 characters each). */
  static List<String> methodValues(Set<ProfileOption> options) {
    List<String> v = new ArrayList<>();
    v.add(ProfileOption.BASIC.codeMeaning());
    v.add(PROFILE_EDITION);
    for (ProfileOption o : ProfileOption.values()) {
      if (o != ProfileOption.BASIC && options.contains(o)) {
        v.add(o.codeMeaning());
      }
    }
    v.add(TOOL);
    return v;
  }

  private static void writeCodes(DicomWriter w, Set<ProfileOption> options) throws IOException {
    w.startSequence(Tags.DeidentificationMethodCodeSequence);
    for (ProfileOption o : ProfileOption.values()) {
      if (o == ProfileOption.BASIC || options.contains(o)) {
        w.startItem();
        w.writeElement(Tags.CodeValue, VR.SH, Values.ascii(o.codeValue(), VR.SH));
        w.writeElement(
            Tags.CodingSchemeDesignator,
            VR.SH,
            Values.ascii(ProfileOption.CODING_SCHEME_DESIGNATOR, VR.SH));
        w.writeElement(Tags.CodeMeaning, VR.LO, Values.ascii(o.codeMeaning(), VR.LO));
        w.endItem();
      }
    }
    w.endSequence();
  }
}
