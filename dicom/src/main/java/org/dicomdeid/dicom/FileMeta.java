package org.dicomdeid.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The File Meta Information group (0002,eeee), PS3.10 section 7.1, as read: elements in order. The
 * writer rebuilds the group length, version and implementation elements itself.
 */
public final class FileMeta {
  private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();

  public FileMeta() {}

  public FileMeta(FileMeta other) {
    elements.putAll(other.elements);
  }

  public void put(DicomElement e) {
    elements.put(e.tag(), e);
  }

  public void putString(int tag, VR vr, String value) {
    put(new DicomElement(tag, vr, Values.ascii(value, vr)));
  }

  public void remove(int tag) {
    elements.remove(tag);
  }

  public DicomElement get(int tag) {
    return elements.get(tag);
  }

  public String getString(int tag) {
    DicomElement e = elements.get(tag);
    return e == null ? null : e.string();
  }

  public List<DicomElement> elements() {
    return Collections.unmodifiableList(new ArrayList<>(elements.values()));
  }

  public String transferSyntaxUid() {
    return getString(Tags.TransferSyntaxUID);
  }

  public String mediaStorageSopClassUid() {
    return getString(Tags.MediaStorageSOPClassUID);
  }

  public String mediaStorageSopInstanceUid() {
    return getString(Tags.MediaStorageSOPInstanceUID);
  }
}
