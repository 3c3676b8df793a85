package org.dicomdeid.dicom;

/**
 * Tag numbers as {@code (group << 16) | element}, with the few that code refers to by name. The
 * names follow the PS3.6 keywords; {@link ElementDictionary} knows every registered tag.
 */
public final class Tags {
  private Tags() {}

  // Item and delimiters, PS3.5 section 7.5
  public static final int Item = 0xFFFEE000;
  public static final int ItemDelimitationItem = 0xFFFEE00D;
  public static final int SequenceDelimitationItem = 0xFFFEE0DD;

  // File meta, PS3.10 section 7.1
  public static final int FileMetaInformationGroupLength = 0x00020000;
  public static final int FileMetaInformationVersion = 0x00020001;
  public static final int MediaStorageSOPClassUID = 0x00020002;
  public static final int MediaStorageSOPInstanceUID = 0x00020003;
  public static final int TransferSyntaxUID = 0x00020010;
  public static final int ImplementationClassUID = 0x00020012;
  public static final int ImplementationVersionName = 0x00020013;
  public static final int SourceApplicationEntityTitle = 0x00020016;

  public static final int SpecificCharacterSet = 0x00080005;
  public static final int ImageType = 0x00080008;
  public static final int SOPClassUID = 0x00080016;
  public static final int SOPInstanceUID = 0x00080018;
  public static final int StudyDate = 0x00080020;
  public static final int SeriesDate = 0x00080021;
  public static final int AcquisitionDate = 0x00080022;
  public static final int ContentDate = 0x00080023;
  public static final int AcquisitionDateTime = 0x0008002A;
  public static final int InstanceCreationDate = 0x00080012;
  public static final int FrameAcquisitionDateTime = 0x00189074;
  public static final int FrameReferenceDateTime = 0x00189151;
  public static final int FrameContentSequence = 0x00209111;
  public static final int SharedFunctionalGroupsSequence = 0x52009229;
  public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
  public static final int StudyTime = 0x00080030;
  public static final int Modality = 0x00080060;
  public static final int PatientName = 0x00100010;
  public static final int PatientID = 0x00100020;
  public static final int PatientBirthDate = 0x00100030;
  public static final int PatientIdentityRemoved = 0x00120062;
  public static final int DeidentificationMethod = 0x00120063;
  public static final int DeidentificationMethodCodeSequence = 0x00120064;
  public static final int StudyInstanceUID = 0x0020000D;
  public static final int SeriesInstanceUID = 0x0020000E;
  public static final int FrameOfReferenceUID = 0x00200052;
  public static final int BurnedInAnnotation = 0x00280301;
  public static final int LongitudinalTemporalInformationModified = 0x00280303;
  public static final int CodeValue = 0x00080100;
  public static final int CodingSchemeDesignator = 0x00080102;
  public static final int CodeMeaning = 0x00080104;
  public static final int FloatPixelData = 0x7FE00008;
  public static final int DoubleFloatPixelData = 0x7FE00009;
  public static final int PixelData = 0x7FE00010;

  public static int group(int tag) {
    return tag >>> 16;
  }

  public static int element(int tag) {
    return tag & 0xffff;
  }

  /** Private tags have an odd group number (PS3.5 7.8.1). */
  public static boolean isPrivate(int tag) {
    return (group(tag) & 1) == 1;
  }

  /** Private Creator Data Elements (gggg,0010-00FF), PS3.5 7.8.1. */
  public static boolean isPrivateCreator(int tag) {
    int e = element(tag);
    return isPrivate(tag) && e >= 0x10 && e <= 0xff;
  }

  /** Group Length (gggg,0000), retired except in the file meta group. */
  public static boolean isGroupLength(int tag) {
    return element(tag) == 0;
  }

  /** The pixel data elements that end a header-only parse. */
  public static boolean isPixelData(int tag) {
    return tag == PixelData || tag == FloatPixelData || tag == DoubleFloatPixelData;
  }

  public static String toString(int tag) {
    return String.format("(%04X,%04X)", group(tag), element(tag));
  }
}
