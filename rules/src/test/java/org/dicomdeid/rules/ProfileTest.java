package org.dicomdeid.rules;

import static org.dicomdeid.rules.ProfileOption.CLEAN_DESCRIPTORS;
import static org.dicomdeid.rules.ProfileOption.CLEAN_GRAPHICS;
import static org.dicomdeid.rules.ProfileOption.CLEAN_STRUCTURED_CONTENT;
import static org.dicomdeid.rules.ProfileOption.RETAIN_DEVICE_IDENTITY;
import static org.dicomdeid.rules.ProfileOption.RETAIN_INSTITUTION_IDENTITY;
import static org.dicomdeid.rules.ProfileOption.RETAIN_LONG_FULL_DATES;
import static org.dicomdeid.rules.ProfileOption.RETAIN_LONG_MODIFIED_DATES;
import static org.dicomdeid.rules.ProfileOption.RETAIN_PATIENT_CHARACTERISTICS;
import static org.dicomdeid.rules.ProfileOption.RETAIN_SAFE_PRIVATE;
import static org.dicomdeid.rules.ProfileOption.RETAIN_UIDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicomdeid.dicom.Tags;
import org.junit.jupiter.api.Test;

/**
 * Expected values are read from the rows of the pinned table (the project's resource, generated
 * from the shared transcription of PS3.15 Table E.1-1); the row is quoted above each check.
 */
class ProfileTest {
  private static final Profile P = Profile.standard();
  private static final Set<ProfileOption> NONE = EnumSet.noneOf(ProfileOption.class);

  private static Action act(int tag, ProfileOption... options) {
    Set<ProfileOption> set = EnumSet.noneOf(ProfileOption.class);
    set.addAll(List.of(options));
    return P.actionFor(tag, set);
  }

  @Test
  void hasTheWholeTable() {
    assertEquals(621, P.size());
    assertEquals(621, P.entries().size());
    assertSame(P, Profile.standard());
  }

  @Test
  void patientName() {
    // 00100010,Patient's Name,Z
    assertSame(Action.Z, P.entryFor(Tags.PatientName).basic());
    assertSame(Action.Z, act(Tags.PatientName));
    assertSame(Action.Z, act(Tags.PatientName, ProfileOption.values()));
  }

  @Test
  void patientId() {
    // 00100020,Patient ID,Z/D  -- the pinned transcription reads Z/D (see the report); Z/D -> D
    assertSame(Action.Z_D, P.entryFor(Tags.PatientID).basic());
    assertSame(Action.D, act(Tags.PatientID));
  }

  @Test
  void studyInstanceUid() {
    // 0020000D,Study Instance UID,U,,K
    assertSame(Action.U, act(Tags.StudyInstanceUID));
    assertSame(Action.K, act(Tags.StudyInstanceUID, RETAIN_UIDS));
    assertSame(Action.U, act(Tags.StudyInstanceUID, RETAIN_DEVICE_IDENTITY));
    // 00080018,SOP Instance UID,U,,K
    assertSame(Action.K, act(Tags.SOPInstanceUID, RETAIN_UIDS));
  }

  @Test
  void studyDate() {
    // 00080020,Study Date,Z, ... full dates K, modified dates C
    assertSame(Action.Z, act(Tags.StudyDate));
    assertSame(Action.K, act(Tags.StudyDate, RETAIN_LONG_FULL_DATES));
    assertSame(Action.C, act(Tags.StudyDate, RETAIN_LONG_MODIFIED_DATES));
    // both selected: K beats C (rule 4)
    assertSame(Action.K, act(Tags.StudyDate, RETAIN_LONG_FULL_DATES, RETAIN_LONG_MODIFIED_DATES));
    // 00080023,Content Date,Z/D, ... K, C
    assertSame(Action.D, act(Tags.ContentDate));
    assertSame(Action.C, act(Tags.ContentDate, RETAIN_LONG_MODIFIED_DATES));
  }

  @Test
  void deviceIdentity() {
    // Manufacturer (0008,0070) is not in Table E.1-1: it is kept by the engine, not the table.
    assertNull(P.entryFor(0x00080070));
    assertNull(act(0x00080070, RETAIN_DEVICE_IDENTITY));
    // 00181000,Device Serial Number,X/Z/D,,,K
    assertSame(Action.D, act(0x00181000));
    assertSame(Action.K, act(0x00181000, RETAIN_DEVICE_IDENTITY));
    // 300A0216,Source Manufacturer,X,,,K
    assertSame(Action.X, act(0x300A0216));
    assertSame(Action.K, act(0x300A0216, RETAIN_DEVICE_IDENTITY));
    // 00181002,Device UID,U,,K,K
    assertSame(Action.K, act(0x00181002, RETAIN_DEVICE_IDENTITY));
    assertSame(Action.K, act(0x00181002, RETAIN_UIDS));
  }

  @Test
  void deviceDatesUnderModifiedDatesAreShifted() {
    // 00181200,Date of Last Calibration,X,,,K,,,K,C
    int dateOfLastCalibration = 0x00181200;
    assertSame(Action.X, act(dateOfLastCalibration));
    assertSame(Action.K, act(dateOfLastCalibration, RETAIN_DEVICE_IDENTITY));
    assertSame(Action.C, act(dateOfLastCalibration, RETAIN_LONG_MODIFIED_DATES));
    // rule 3: the shift wins over device identity's K
    assertSame(
        Action.C, act(dateOfLastCalibration, RETAIN_DEVICE_IDENTITY, RETAIN_LONG_MODIFIED_DATES));
    assertSame(
        Action.K, act(dateOfLastCalibration, RETAIN_DEVICE_IDENTITY, RETAIN_LONG_FULL_DATES));
  }

  @Test
  void institutionName() {
    // 00080080,Institution Name,X/Z/D,,,,K
    assertSame(Action.D, act(0x00080080));
    assertSame(Action.K, act(0x00080080, RETAIN_INSTITUTION_IDENTITY));
  }

  @Test
  void patientCharacteristics() {
    // 00100040,Patient's Sex,Z,,,,,K
    assertSame(Action.Z, act(0x00100040));
    assertSame(Action.K, act(0x00100040, RETAIN_PATIENT_CHARACTERISTICS));
    // 00101010,Patient's Age,X,,,,,K
    assertSame(Action.X, act(0x00101010));
    assertSame(Action.K, act(0x00101010, RETAIN_PATIENT_CHARACTERISTICS));
    // 00102203,Patient's Sex Neutered,X/Z,,,,,K
    assertSame(Action.Z, act(0x00102203));
    // 00380500,Patient State,X,... patient characteristics C, clean descriptors C
    assertSame(Action.C, act(0x00380500, RETAIN_PATIENT_CHARACTERISTICS, CLEAN_DESCRIPTORS));
  }

  @Test
  void studyDescription() {
    // 00081030,Study Description,X,... clean descriptors C
    assertSame(Action.X, act(0x00081030));
    assertSame(Action.C, act(0x00081030, CLEAN_DESCRIPTORS));
    assertSame(Action.X, act(0x00081030, RETAIN_UIDS, CLEAN_GRAPHICS));
  }

  @Test
  void structuredContent() {
    // 0040A730,Content Sequence,D,... clean structured content C
    assertSame(Action.D, act(0x0040A730));
    assertSame(Action.C, act(0x0040A730, CLEAN_STRUCTURED_CONTENT));
  }

  @Test
  void overlayRepeatingGroup() {
    // 60xx3000,Overlay Data,X,... clean graphics C; 60xx4000,Overlay Comments,X,... C
    assertEquals("60xx3000", P.entryFor(0x60023000).tag());
    assertSame(Action.X, act(0x60023000));
    assertSame(Action.C, act(0x60023000, CLEAN_GRAPHICS));
    assertSame(Action.X, act(0x60003000));
    assertSame(Action.X, act(0x601E3000));
    assertEquals("60xx4000", P.entryFor(0x60104000).tag());
    // other elements of an overlay group are not in the table
    assertNull(P.entryFor(0x60020010));
    // 6020 is beyond the repeating range 6000-601E (PS3.5 7.6)
    assertNull(P.entryFor(0x60203000));
    // odd groups are private: the private attributes row governs them
    assertEquals("odd-group", P.entryFor(0x60013000).tag());
  }

  @Test
  void curveRepeatingGroup() {
    // 50xxxxxx,Curve Data,X,... clean graphics C
    for (int tag : new int[] {0x50040000, 0x50043000, 0x50040010, 0x5004FFFF, 0x501E0005}) {
      assertEquals("50xxxxxx", P.entryFor(tag).tag(), Tags.toString(tag));
      assertSame(Action.X, act(tag));
      assertSame(Action.C, act(tag, CLEAN_GRAPHICS));
    }
    assertNull(P.entryFor(0x50200000));
  }

  @Test
  void privateAttributes() {
    // odd-group,Private Attributes,X,C
    assertSame(Action.X, act(0x00091010));
    assertSame(Action.C, act(0x00091010, RETAIN_SAFE_PRIVATE));
    assertSame(Action.X, act(0x7FE10010, RETAIN_UIDS));
  }

  @Test
  void uidSequences() {
    // 00081140,Referenced Image Sequence,X/Z/U*,,K; 00082112,Source Image Sequence,X/Z/U*,,K
    assertEquals(Set.of(0x00081140, 0x00082112), P.tagsWithBasic(Action.X_Z_U_STAR));
    assertSame(Action.U, act(0x00081140));
    assertSame(Action.K, act(0x00081140, RETAIN_UIDS));
  }

  @Test
  void unlistedTagsAreNull() {
    assertNull(act(Tags.Modality));
    assertNull(act(Tags.PixelData, ProfileOption.values()));
    assertNull(act(Tags.TransferSyntaxUID));
  }

  @Test
  void basicInTheOptionSetIsIgnored() {
    assertSame(Action.Z, act(Tags.StudyDate, ProfileOption.BASIC));
  }

  @Test
  void everyCombinedCodeInTheTableResolves() {
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (ProfileEntry e : P.entries()) {
      counts.merge(e.basic(), 1, Integer::sum);
      Action resolved = Profile.actionFor(e, NONE);
      assertSame(e.basic().resolve(), resolved, e.tag());
      assertTrue(!resolved.isCombined(), e.tag());
      for (Action a : e.optionActions().values()) {
        assertTrue(a == Action.K || a == Action.C, e.tag() + " option action " + a);
      }
    }
    // counts of the combined codes in the pinned table
    assertEquals(6, counts.get(Action.Z_D));
    assertEquals(11, counts.get(Action.X_Z));
    assertEquals(22, counts.get(Action.X_D));
    assertEquals(8, counts.get(Action.X_Z_D));
    assertEquals(2, counts.get(Action.X_Z_U_STAR));
    for (Action combined :
        EnumSet.of(Action.Z_D, Action.X_Z, Action.X_D, Action.X_Z_D, Action.X_Z_U_STAR)) {
      for (int tag : P.tagsWithBasic(combined)) {
        assertSame(combined.resolve(), P.actionFor(tag, NONE), Tags.toString(tag));
      }
    }
    assertEquals(6, P.tagsWithBasic(Action.Z_D).size());
  }

  @Test
  void everyOptionGivesWhatItsColumnSays() {
    for (ProfileEntry e : P.entries()) {
      for (Map.Entry<ProfileOption, Action> o : e.optionActions().entrySet()) {
        assertSame(o.getValue(), Profile.actionFor(e, EnumSet.of(o.getKey())), e.tag());
      }
    }
  }

  @Test
  void entriesAreImmutable() {
    assertThrows(UnsupportedOperationException.class, () -> P.entries().clear());
    ProfileEntry e = P.entryFor(Tags.StudyDate);
    assertThrows(UnsupportedOperationException.class, () -> e.optionActions().clear());
    assertThrows(UnsupportedOperationException.class, () -> P.tagsWithBasic(Action.X).add(0));
  }

  private static final String HEADER =
      "tag,name,basic,retain_safe_private,retain_uids,retain_device_identity,"
          + "retain_institution_identity,retain_patient_characteristics,retain_long_full_dates,"
          + "retain_long_modified_dates,clean_descriptors,clean_structured_content,"
          + "clean_graphics\n";

  @Test
  void loadFailsOnDuplicateTags() {
    String csv =
        HEADER + "00100010,Patient's Name,Z,,,,,,,,,,\n" + "00100010,Patient's Name,X,,,,,,,,,,\n";
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Profile.load(new StringReader(csv)));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
  }

  @Test
  void loadFailsOnRowCountMismatchAndBadCodes() {
    String declared = "# rows: 2\n" + HEADER + "00100010,Patient's Name,Z,,,,,,,,,,\n";
    assertThrows(IllegalStateException.class, () -> Profile.load(new StringReader(declared)));
    String bad = HEADER + "00100010,Patient's Name,Q,,,,,,,,,,\n";
    assertThrows(IllegalArgumentException.class, () -> Profile.load(new StringReader(bad)));
    String overlap =
        HEADER + "60xx3000,Overlay Data,X,,,,,,,,,,C\n" + "60023000,Overlay Data,X,,,,,,,,,,\n";
    assertThrows(IllegalStateException.class, () -> Profile.load(new StringReader(overlap)));
  }

  @Test
  void loadsASmallTable() throws Exception {
    String csv = "# rows: 1\n" + HEADER + "00100010,\"Name, with comma\",X/Z,,,,,,,,,,\n";
    Profile p = Profile.load(new StringReader(csv));
    assertEquals(1, p.size());
    assertNotNull(p.entryFor(Tags.PatientName));
    assertEquals("Name, with comma", p.entryFor(Tags.PatientName).name());
    assertSame(Action.Z, p.actionFor(Tags.PatientName, NONE));
    assertNull(p.actionFor(0x00091010, NONE));
  }
}
