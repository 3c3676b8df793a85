package org.dicomdeid.rules;

import static org.dicomdeid.dicom.DicomParseException.Kind.MISSING_UID;

import java.io.IOException;
import java.io.InputStream;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomReader.Event;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.io.InputOpener;

/**
 * A file's SOP Class and Instance UIDs, which the output's file meta must carry (PS3.10 7.1) before
 * its data set is streamed.
 */
record SopUids(String classUid, String instanceUid) {

  /** From a header already read ({@link HeaderFacts}), or null if it lacks either UID. */
  static SopUids of(DicomHeader header) {
    if (header.sopClassUid().isEmpty() || header.sopInstanceUid().isEmpty()) {
      return null;
    }
    return new SopUids(header.sopClassUid(), header.sopInstanceUid());
  }

  /** A short pre-scan: the UIDs from the data set, else from the file meta. */
  static SopUids prescan(InputOpener source, long size) throws IOException {
    String cls = null;
    String inst = null;
    try (InputStream in = source.open()) {
      DicomReader r = DicomReader.open(in, size);
      for (Event e = r.next(); e != Event.END; e = r.next()) {
        if (r.depth() == 0 && e == Event.ELEMENT) {
          if (r.tag() == Tags.SOPClassUID) {
            cls = Values.string(r.readValue()).trim();
          } else if (r.tag() == Tags.SOPInstanceUID) {
            inst = Values.string(r.readValue()).trim();
          }
        }
        if (inst != null
            || Integer.compareUnsigned(r.tag(), Tags.SOPInstanceUID) > 0 && r.depth() <= 1) {
          break;
        }
      }
      FileMeta m = r.fileMeta();
      if ((cls == null || cls.isEmpty()) && m != null) {
        cls = m.mediaStorageSopClassUid();
      }
      if ((inst == null || inst.isEmpty()) && m != null) {
        inst = m.mediaStorageSopInstanceUid();
      }
    }
    if (cls == null || cls.isEmpty() || inst == null || inst.isEmpty()) {
      throw new DicomParseException(
          MISSING_UID, -1, "no SOP Class UID or SOP Instance UID in the data set or the file meta");
    }
    return new SopUids(cls, inst);
  }

  /** The output's file meta: the class as is, the instance replaced by its keyed UID. */
  FileMeta fileMeta(Keyed keyed) {
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, classUid);
    boolean registered = instanceUid.startsWith(ValueRewrites.DICOM_UID_ROOT); // PS3.6 Annex A
    meta.putString(
        Tags.MediaStorageSOPInstanceUID, VR.UI, registered ? instanceUid : keyed.uid(instanceUid));
    return meta;
  }
}
