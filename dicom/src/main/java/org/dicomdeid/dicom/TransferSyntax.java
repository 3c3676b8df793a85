package org.dicomdeid.dicom;

/**
 * How a data set is encoded, PS3.5 section 10 and Annex A. Only the properties the codec needs: VR
 * explicitness, byte order, deflate, and whether Pixel Data is encapsulated (PS3.5 A.4).
 */
public record TransferSyntax(
    String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {

  public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
  public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";

  /** Encapsulated Uncompressed Explicit VR Little Endian, PS3.5 A.4.11. */
  public static final String ENCAPSULATED_UNCOMPRESSED = "1.2.840.10008.1.2.1.98";

  public static final TransferSyntax IMPLICIT_LE =
      new TransferSyntax(IMPLICIT_VR_LITTLE_ENDIAN, false, false, false, false);
  public static final TransferSyntax EXPLICIT_LE =
      new TransferSyntax(EXPLICIT_VR_LITTLE_ENDIAN, true, false, false, false);
  public static final TransferSyntax EXPLICIT_BE =
      new TransferSyntax(EXPLICIT_VR_BIG_ENDIAN, true, true, false, false);
  public static final TransferSyntax DEFLATED_LE =
      new TransferSyntax(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, true, false, true, false);

  /**
   * The syntax for a Transfer Syntax UID. Every registered syntax other than the four native ones
   * (JPEG family 1.2.840.10008.1.2.4.*, RLE 1.2.840.10008.1.2.5, MPEG, HTJ2K, JPEG XL, encapsulated
   * uncompressed, and any later one) is Explicit VR Little Endian with encapsulated Pixel Data; the
   * reader also accepts native Pixel Data under them when its length is defined.
   */
  public static TransferSyntax of(String uid) {
    switch (uid) {
      case IMPLICIT_VR_LITTLE_ENDIAN:
        return IMPLICIT_LE;
      case EXPLICIT_VR_LITTLE_ENDIAN:
        return EXPLICIT_LE;
      case EXPLICIT_VR_BIG_ENDIAN:
        return EXPLICIT_BE;
      case DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN:
        return DEFLATED_LE;
      case "1.2.840.10008.1.2.4.95": // JPIP Referenced Deflate: the data set is deflated
        return new TransferSyntax(uid, true, false, true, false);
      default:
        return new TransferSyntax(uid, true, false, false, true);
    }
  }
}
