package org.dicomdeid.rules;

import static org.dicomdeid.rules.DeidOutput.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dicomdeid.dicom.VR;
import org.junit.jupiter.api.Test;

/** One test per PS3.15 option (E.3) and the record every file carries (E.1.1, PS3.3 C.7.6.1.1). */
class OptionTest {
  private static final Set<ProfileOption> DEFAULT = DeidConfig.defaultOptions();

  static Set<ProfileOption> with(ProfileOption... o) {
    Set<ProfileOption> s = EnumSet.copyOf(DEFAULT);
    s.addAll(Set.of(o));
    if (s.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES)) {
      s.remove(ProfileOption.RETAIN_LONG_FULL_DATES);
    }
    return s;
  }

  private static DeidOutput run(TestDataset ds, Set<ProfileOption> options) throws IOException {
    return DeidOutput.run(ds.file(), options);
  }

  // 00181000,Device Serial Number,X/Z/D,,,K ; 00081010,Station Name,X/Z/D,,,K
  @Test
  void retainDeviceIdentityKeepsDeviceAttributes() throws IOException {
    TestDataset ds =
        TestDataset.ct().put("DeviceSerialNumber", "SN-778899").put("StationName", "CTSTATION7");
    DeidOutput out = run(ds, with(ProfileOption.RETAIN_DEVICE_IDENTITY));
    out.assertValue(path("DeviceSerialNumber"), VR.LO, "SN-778899");
    out.assertValue(path("StationName"), VR.SH, "CTSTATION7");
    DeidOutput basic = run(ds, DEFAULT);
    basic.assertValue(path("DeviceSerialNumber"), VR.LO, "DEIDENTIFIED");
    basic.assertValue(path("StationName"), VR.SH, "DEIDENTIFIED");
  }

  // 00080080,Institution Name,X/Z/D,,,,K ; 00080081,Institution Address,X,,,,K
  @Test
  void retainInstitutionIdentityKeepsInstitution() throws IOException {
    TestDataset ds =
        TestDataset.ct()
            .put("InstitutionName", "Korea Univ Hospital")
            .put("InstitutionAddress", "Seoul");
    DeidOutput out = run(ds, with(ProfileOption.RETAIN_INSTITUTION_IDENTITY));
    out.assertValue(path("InstitutionName"), VR.LO, "Korea Univ Hospital");
    out.assertValue(path("InstitutionAddress"), VR.ST, "Seoul");
    DeidOutput basic = run(ds, DEFAULT);
    basic.assertValue(path("InstitutionName"), VR.LO, "DEIDENTIFIED");
    assertFalse(basic.has(path("InstitutionAddress")));
  }

  // 00100040,Patient's Sex,Z,,,,,K ; 00101010,Patient's Age,X,,,,,K
  @Test
  void retainPatientCharacteristicsKeepsSexAndAge() throws IOException {
    TestDataset ds = TestDataset.ct().put("PatientSex", "F").put("PatientAge", "061Y");
    DeidOutput out = run(ds, with(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS));
    out.assertValue(path("PatientSex"), VR.CS, "F");
    out.assertValue(path("PatientAge"), VR.AS, "061Y");
    DeidOutput basic = run(ds, DEFAULT);
    basic.assertEmpty(path("PatientSex"));
    assertFalse(basic.has(path("PatientAge")));
  }

  // 00081030,Study Description,X,...,clean_descriptors C ; 00400275,Request Attributes
  // Sequence,X,...,C ; 00400007,Scheduled Procedure Step Description,X,...,C ;
  // 00401001,Requested Procedure ID,X (no clean column)
  @Test
  void cleanDescriptorsEmptiesFreeTextAndCleansSequences() throws IOException {
    TestDataset ds =
        TestDataset.ct()
            .put("StudyDescription", "CT head for J. Doe")
            .seq(
                "RequestAttributesSequence",
                new TestDataset()
                    .put("ScheduledProcedureStepDescription", "J. Doe follow-up")
                    .put("RequestedProcedureID", "RP-0042"));
    DeidOutput out = run(ds, with(ProfileOption.CLEAN_DESCRIPTORS));
    out.assertEmpty(path("StudyDescription"));
    String item = path("RequestAttributesSequence") + "[0]/";
    out.assertEmpty(item + path("ScheduledProcedureStepDescription"));
    assertFalse(out.has(item + path("RequestedProcedureID")));
    DeidOutput basic = run(ds, DEFAULT);
    assertFalse(basic.has(path("StudyDescription")));
    assertFalse(basic.has(path("RequestAttributesSequence")));
  }

  // 00080020,Study Date,Z,...,K,C ; 0008002A,Acquisition DateTime,X/Z/D,...,K,C ;
  // 00140102 Secondary Review Date and 0008041F Study Update DateTime are not listed.
  @Test
  void retainLongModifiedDatesShiftsEveryDateByThePatientsOffset() throws IOException {
    TestDataset ds =
        TestDataset.ct()
            .put("StudyDate", "20220921")
            .put("AcquisitionDateTime", "20220921101530.123456+0900")
            .put("SecondaryReviewDate", "20220101")
            .put("StudyUpdateDateTime", "20230315")
            .put("StudyTime", "101530")
            .seq(
                "ReferencedImageSequence",
                new TestDataset()
                    .put("ReferencedSOPInstanceUID", "1.2.3.4")
                    .put("InstanceCreationDate", "20220922"));
    DeidOutput out = run(ds, with(ProfileOption.RETAIN_LONG_MODIFIED_DATES));
    int days = new Keyed(DeidOutput.KEY).dateOffsetDays(DeidOutput.SUBJECT.mrn());
    out.assertValue(path("StudyDate"), VR.DA, shift("20220921", days));
    out.assertValue(
        path("AcquisitionDateTime"), VR.DT, shift("20220921", days) + "101530.123456+0900");
    out.assertValue(path("SecondaryReviewDate"), VR.DA, shift("20220101", days));
    out.assertValue(path("StudyUpdateDateTime"), VR.DT, shift("20230315", days));
    out.assertValue(
        path("ReferencedImageSequence") + "[0]/" + path("InstanceCreationDate"),
        VR.DA,
        shift("20220922", days));
    out.assertValue(path("StudyTime"), VR.TM, "101530"); // a time of day moves with whole days
    out.assertValue(path("PatientName"), VR.PN, "SUBJ0417_" + shift("20220921", days));
    out.assertValue(path("LongitudinalTemporalInformationModified"), VR.CS, "MODIFIED");
    assertEquals(List.of("113100", "113107"), codes(out));
  }

  @Test
  void defaultRecordsFullDatesAndTheMethod() throws IOException {
    DeidOutput out = run(TestDataset.ct().put("StudyDate", "20220921"), DEFAULT);
    out.assertValue(path("PatientIdentityRemoved"), VR.CS, "YES");
    out.assertValue(path("LongitudinalTemporalInformationModified"), VR.CS, "UNMODIFIED");
    out.assertValue(
        path("DeidentificationMethod"),
        VR.LO,
        "Basic Application Confidentiality Profile\\PS3.15 Table E.1-1, 2025 edition"
            + "\\Retain Longitudinal Temporal Information Full Dates Option\\dicom-deid 0.1.0");
    out.assertValue(path("PatientName"), VR.PN, "SUBJ0417_20220921");
    assertEquals(List.of("113100", "113106"), codes(out));
    String seq = path("DeidentificationMethodCodeSequence");
    for (int i = 0; i < 2; i++) {
      out.assertValue(seq + "[" + i + "]/" + path("CodingSchemeDesignator"), VR.SH, "DCM");
    }
    out.assertValue(
        seq + "[0]/" + path("CodeMeaning"), VR.LO, "Basic Application Confidentiality Profile");
    out.assertValue(
        seq + "[1]/" + path("CodeMeaning"),
        VR.LO,
        "Retain Longitudinal Temporal Information Full Dates Option");
  }

  // odd-group,Private Attributes,X,K (retain_safe_private): kept only if on the safe list,
  // which is empty in this edition, so everything private still goes.
  @Test
  void retainSafePrivateWithTheEmptyListRemovesPrivateAttributes() throws IOException {
    TestDataset ds =
        TestDataset.ct()
            .put(0x00090010, VR.LO, "ACME 1.0")
            .put(0x00091001, VR.LO, "PRIVATE-MRN")
            .seq(0x00091002, new TestDataset().put("PatientName", "IN^PRIVATE"));
    DeidOutput out = run(ds, with(ProfileOption.RETAIN_SAFE_PRIVATE));
    assertFalse(
        out.elements.keySet().stream().anyMatch(p -> p.startsWith("0009,")),
        () -> out.elements.keySet().toString());
    assertEquals(List.of("113100", "113111", "113106"), codes(out));
  }

  static List<String> codes(DeidOutput out) {
    String seq = path("DeidentificationMethodCodeSequence");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < out.get(seq).items(); i++) {
      codes.add(out.string(seq + "[" + i + "]/" + path("CodeValue")));
    }
    return codes;
  }

  static String shift(String yyyymmdd, int days) {
    return LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE)
        .plusDays(days)
        .format(DateTimeFormatter.BASIC_ISO_DATE);
  }
}
