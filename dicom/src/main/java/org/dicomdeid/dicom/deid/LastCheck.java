package org.dicomdeid.dicom.deid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomReader.Event;
import org.dicomdeid.dicom.SpecificCharacterSet;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;

/**
 * The last check before a file is published (issue 13): rules can miss what nobody listed, so
 * every value the engine writes, outside bulk pixel and waveform data, is searched for the
 * identifiers of the file's patient that the input's header gives: MRN (PatientID, Other
 * Patient IDs, the run's MRN) and accession number as substrings, the name's components of three
 * or more characters as whole words (Hangul, Han and kana ones as substrings, and the first two
 * components joined), the birth date (outside date values: a newborn's study date may equal it),
 * and the original study, series and instance UIDs. Each value is read as text in the data set's
 * character set (ISO 2022 included) and as raw ISO 8859-1, UTF-8, UTF-16LE/BE and EUC-KR; the
 * name is also searched as the input's own encoded bytes. Identifiers shorter than three
 * characters are not searched (they would match everywhere).
 */
final class LastCheck {
  /** Values never searched: bulk pixel, overlay, waveform and spectroscopy data (PS3.15 E.1-1). */
  static boolean bulk(int tag) {
    return Tags.isPixelData(tag) || tag == 0x54001010 || tag == 0x56000020
        || (tag & 0xFF01FFFF) == 0x60003000 || tag == Tags.FloatPixelData
        || tag == Tags.DoubleFloatPixelData;
  }

  private static final List<Charset> RAW = List.of(StandardCharsets.ISO_8859_1,
      StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
      Charset.forName("EUC-KR"));

  private record Known(String kind, String text, boolean word, boolean inDates) {}

  private final List<Known> known = new ArrayList<>();
  private final List<byte[]> nameBytes = new ArrayList<>();

  private LastCheck() {}

  /** Reads the identifiers from the input's top level, up to Pixel Data. */
  static LastCheck read(InputOpener source, long size, String mrn) throws IOException {
    LastCheck c = new LastCheck();
    c.add("MRN", mrn, false, true);
    SpecificCharacterSet cs = SpecificCharacterSet.DEFAULT;
    try (InputStream in = source.open()) {
      DicomReader r = DicomReader.open(in, size);
      for (Event e = r.next(); e != Event.END; e = r.next()) {
        if (r.depth() != 0 || e != Event.ELEMENT) {
          continue;
        }
        int tag = r.tag();
        if (Integer.compareUnsigned(tag, Tags.PixelData) >= 0) {
          break;
        }
        if (r.length() > 4096 || !wanted(tag)) {
          continue;
        }
        byte[] v = r.readValue();
        if (tag == Tags.SpecificCharacterSet) {
          cs = SpecificCharacterSet.of(Values.strings(v).toArray(String[]::new));
        } else if (tag == Tags.PatientName) {
          c.name(cs.decode(v, VR.PN), cs);
        } else {
          for (String s : Values.strings(v)) {
            c.add(kindOf(tag), s.trim(), false, tag != Tags.PatientBirthDate);
          }
        }
      }
    }
    return c;
  }

  private static boolean wanted(int tag) {
    return tag == Tags.SpecificCharacterSet || tag == Tags.PatientName || !kindOf(tag).isEmpty();
  }

  private static String kindOf(int tag) {
    switch (tag) {
      case Tags.PatientID:
      case 0x00101000: // Other Patient IDs (retired)
        return "MRN";
      case 0x00080050:
        return "accession number";
      case Tags.PatientBirthDate:
        return "birth date";
      case Tags.StudyInstanceUID:
        return "original study UID";
      case Tags.SeriesInstanceUID:
        return "original series UID";
      case Tags.SOPInstanceUID:
        return "original instance UID";
      default:
        return "";
    }
  }

  private void name(String pn, SpecificCharacterSet cs) {
    List<String> parts = new ArrayList<>();
    for (String p : pn.split("[\\^=\\s,]+")) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    if (parts.size() >= 2) {
      parts.add(parts.get(0) + parts.get(1)); // Korean names are often written joined
    }
    for (String p : parts) {
      boolean ascii = p.chars().allMatch(ch -> ch < 0x80);
      if (add("name", p, ascii, true) && !ascii) {
        nameBytes.add(cs.encode(p, VR.PN));
      }
    }
  }

  private boolean add(String kind, String text, boolean word, boolean inDates) {
    if (text == null || text.codePointCount(0, text.length()) < 3) {
      return false;
    }
    known.add(new Known(kind, text.toUpperCase(Locale.ROOT), word, inDates));
    return true;
  }

  /** Throws when {@code value}, written at {@code path}, holds a known identifier. */
  void value(String path, VR vr, byte[] value, SpecificCharacterSet cs)
      throws KnownIdentifierException {
    if (value.length < 3 || known.isEmpty()) {
      return;
    }
    boolean date = vr == VR.DA || vr == VR.DT;
    search(path, cs.decode(value, vr), date);
    for (Charset c : RAW) {
      search(path, new String(value, c), date);
    }
    for (byte[] n : nameBytes) {
      if (indexOf(value, n) >= 0) {
        throw new KnownIdentifierException("name", path);
      }
    }
  }

  private void search(String path, String text, boolean date) throws KnownIdentifierException {
    String t = text.toUpperCase(Locale.ROOT);
    for (Known k : known) {
      if ((!date || k.inDates()) && found(t, k)) {
        throw new KnownIdentifierException(k.kind(), path);
      }
    }
  }

  private static boolean found(String text, Known k) {
    for (int i = text.indexOf(k.text()); i >= 0; i = text.indexOf(k.text(), i + 1)) {
      int end = i + k.text().length();
      if (!k.word() || (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
