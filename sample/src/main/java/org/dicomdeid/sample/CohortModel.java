package org.dicomdeid.sample;

import java.nio.file.Path;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;

/** The generator's plan of a cohort: who, which visits, which series. Package-private. */
final class CohortModel {
  private CohortModel() {}

  /**
   * One patient. {@code fileName} is an ASCII form of the family name for file names; {@code
   * charsetTerms} the values of (0008,0005), empty for the default repertoire.
   */
  record Patient(
      String mrn,
      String token,
      String name,
      String fileName,
      String charsetTerms,
      String birthDate,
      String sex,
      String address,
      String otherId,
      String otherIdIssuer) {

    SpecificCharacterSet charset() {
      return charsetTerms.isEmpty()
          ? SpecificCharacterSet.DEFAULT
          : SpecificCharacterSet.of(charsetTerms.split("\\\\", -1));
    }
  }

  /** One visit (study) of a patient: its folder, CT date and the site's identifying text. */
  record Visit(
      Patient patient,
      Path dir,
      String ctDate,
      String studyTime,
      String studyUid,
      String accession,
      String studyId,
      String institution,
      String institutionAddress,
      String referringPhysician,
      String operator,
      String station,
      String deviceSerial,
      String requestedProcedureId,
      String procedureDescription,
      String protocolMeaning,
      String privateNote,
      String privateLongText,
      String privateNested) {}

  /** One series: its folder, UIDs, encoding and how its files are named. */
  record Series(
      Visit visit,
      Path dir,
      int number,
      String uid,
      String frameOfReferenceUid,
      String transferSyntaxUid,
      String sopClassUid,
      String modality,
      boolean burnedIn,
      int fileNameStyle) {}
}
