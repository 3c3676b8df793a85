package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dicomdeid.dicom.ByteSearch;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.ExternalTools;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distinctive value planted in every Table E.1-1 attribute that can hold text, at the top level,
 * two sequences deep and in a private block; none may occur in the output bytes.
 */
class PhiLeakTest {
  private static final Set<VR> TEXT =
      EnumSet.of(
          VR.AE, VR.AS, VR.CS, VR.DA, VR.DS, VR.DT, VR.IS, VR.LO, VR.LT, VR.PN, VR.SH, VR.ST, VR.TM,
          VR.UC, VR.UR, VR.UT, VR.UI);
  private static final String KOREAN_NAME = "홍길동";
  private static final SpecificCharacterSet KOREAN = SpecificCharacterSet.of("", "ISO 2022 IR 149");

  /** Copied into items two sequences deep (and one deep). */
  private static final List<String> NESTED =
      List.of(
          "PatientName",
          "PatientID",
          "PatientAddress",
          "InstitutionName",
          "AccessionNumber",
          "StudyID",
          "ReferringPhysicianName",
          "StudyInstanceUID",
          "SOPInstanceUID",
          "PatientBirthDate",
          "StudyDescription",
          "PatientComments",
          "DeviceSerialNumber",
          "AcquisitionDateTime",
          "ContentDate");

  record Planted(int tag, VR vr, String value, Action byDefault) {}

  @TempDir Path tmp;

  static List<Planted> planted() {
    List<Planted> out = new ArrayList<>();
    int i = 0;
    for (ProfileEntry e : Profile.standard().entries()) {
      if (!e.tag().matches("[0-9A-F]{8}")) {
        continue; // repeating-group and private rows: no single tag to plant in
      }
      int tag = Integer.parseUnsignedInt(e.tag(), 16);
      VR vr = ElementDictionary.vrOf(tag);
      if (TEXT.contains(vr)) {
        out.add(
            new Planted(
                tag, vr, value(vr, i++), Profile.actionFor(e, DeidConfig.defaultOptions())));
      }
    }
    return out;
  }

  /** Unique per attribute, valid for the VR; dates 3653 days apart, so shifts cannot collide. */
  static String value(VR vr, int i) {
    String date =
        LocalDate.of(1000, 1, 1).plusDays(3653L * i).format(DateTimeFormatter.BASIC_ISO_DATE);
    switch (vr) {
      case DA:
        return date;
      case DT:
        return date + "123456.654321";
      case TM:
        return String.format("2359%02d.%06d", i % 60, 100000 + i);
      case UI:
        return String.format("1.2.826.0.1.3680043.8.498.7777.%04d", i);
      case DS:
        return String.format("7317.%04d", i);
      case IS:
        return String.format("-7318%04d", i);
      case AS:
        return String.format("%03dW", i % 1000);
      case AE:
        return String.format("PHIAE%04d", i);
      case UR:
        return String.format("http://phi.example/%04d", i);
      case PN:
        return String.format("PHI%04d^PN", i);
      default:
        return String.format("PHI%04d%s", i, vr.name());
    }
  }

  private static byte[] input(List<Planted> planted) {
    TestDataset nested = new TestDataset();
    TestDataset top =
        new TestDataset()
            .put("SOPClassUID", TestDataset.CT_IMAGE)
            .put(Tags.SpecificCharacterSet, VR.CS, "\\ISO 2022 IR 149");
    String sop = null;
    for (Planted p : planted) {
      if (p.tag() == Tags.PatientName) {
        top.put(p.tag(), VR.PN, Values.pad(KOREAN.encode(KOREAN_NAME, VR.PN), VR.PN));
      } else {
        top.put(p.tag(), p.vr(), p.value());
      }
      if (NESTED.contains(ElementDictionary.keywordOf(p.tag()))) {
        nested.put(p.tag(), p.vr(), p.value());
      }
      if (p.tag() == Tags.SOPInstanceUID) {
        sop = p.value();
      }
    }
    // Unlisted sequences, so the engine recurses: ProcedureCodeSequence > item >
    // PerformedProtocolCodeSequence > item > the copies.
    top.seq(
        "ProcedureCodeSequence",
        new TestDataset().put("CodeValue", "A1").seq("PerformedProtocolCodeSequence", nested),
        nested);
    top.put(0x00090010, VR.LO, "PHIPRIVCREATOR")
        .put(0x00091001, VR.LO, "PHIPRIVATEVALUE")
        .seq(0x00091002, new TestDataset().put("PatientName", "PHIPRIVATE^NAME"));
    FileMeta meta = new FileMeta();
    meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, TestDataset.CT_IMAGE);
    meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, sop);
    meta.putString(Tags.SourceApplicationEntityTitle, VR.AE, "PHIMETAAE");
    return top.file(TransferSyntax.EXPLICIT_LE, meta);
  }

  private static List<byte[]> extraPhi() {
    List<byte[]> out = new ArrayList<>();
    out.add(KOREAN.encode(KOREAN_NAME, VR.PN));
    for (String s : List.of("PHIPRIVCREATOR", "PHIPRIVATEVALUE", "PHIPRIVATE^NAME", "PHIMETAAE")) {
      out.add(s.getBytes(StandardCharsets.US_ASCII));
    }
    return out;
  }

  @Test
  void defaultOptionsLeaveNoPlantedValue() throws Exception {
    List<Planted> planted = planted();
    DeidOutput out = DeidOutput.run(input(planted), DeidConfig.defaultOptions());
    List<String> leaks = new ArrayList<>();
    for (Planted p : planted) {
      // Kept on purpose: the attributes whose action under the default options
      // (RETAIN_LONG_FULL_DATES) is K, i.e. the dates, times and the time zone offset that
      // PS3.15 E.3.6 lets us retain.
      if (p.byDefault() != Action.K) {
        find(out.bytes, p, leaks);
      }
    }
    for (byte[] b : extraPhi()) {
      if (indexOf(out.bytes, b) >= 0) {
        leaks.add(new String(b, StandardCharsets.ISO_8859_1));
      }
    }
    assertEquals(List.of(), leaks, "planted values found in the output");
    Planted studyDate =
        planted.stream().filter(p -> p.tag() == Tags.StudyDate).findFirst().orElseThrow();
    assertTrue(
        indexOf(out.bytes, studyDate.value().getBytes(StandardCharsets.US_ASCII)) >= 0,
        "the search finds a value that is kept on purpose");
    assertTrue(planted.size() > 300, "planted " + planted.size());
    assertTrue(
        planted.stream()
            .filter(p -> p.byDefault() == Action.K)
            .allMatch(
                p ->
                    p.vr() == VR.DA
                        || p.vr() == VR.DT
                        || p.vr() == VR.TM
                        || p.tag() == TestDataset.tag("TimezoneOffsetFromUTC")),
        "only dates, times and the time zone are kept by default");
    dcmdumpReads(out.bytes);
  }

  @Test
  void modifiedDatesLeaveNoPlantedDate() throws Exception {
    List<Planted> planted = planted();
    DeidOutput out =
        DeidOutput.run(input(planted), EnumSet.of(ProfileOption.RETAIN_LONG_MODIFIED_DATES));
    List<String> leaks = new ArrayList<>();
    for (Planted p : planted) {
      // Times of day (TM) are kept: whole-day shifts leave them as they are. Every date must
      // have moved, and the time zone offset (C, not a date) is emptied.
      if (p.vr() != VR.TM) {
        find(out.bytes, p, leaks);
      }
    }
    assertEquals(List.of(), leaks, "planted values found in the output");
    dcmdumpReads(out.bytes);
  }

  private static void find(byte[] output, Planted p, List<String> leaks) {
    if (indexOf(output, p.value().getBytes(StandardCharsets.US_ASCII)) >= 0) {
      leaks.add(
          Tags.toString(p.tag())
              + " "
              + ElementDictionary.keywordOf(p.tag())
              + " "
              + p.vr()
              + " "
              + p.value());
    }
  }

  static int indexOf(byte[] hay, byte[] needle) {
    return ByteSearch.indexOf(hay, needle);
  }

  private void dcmdumpReads(byte[] bytes) throws IOException, InterruptedException {
    ExternalTools.requireDcmdump();
    Path f = tmp.resolve("out.dcm");
    Files.write(f, bytes);
    ExternalTools.Result r = ExternalTools.run(List.of("/usr/bin/dcmdump", f.toString()));
    assertEquals(0, r.exitCode(), r.stderr());
    String all = r.stdout() + "\n" + r.stderr();
    assertTrue(all.lines().noneMatch(l -> l.startsWith("E:")), all);
  }
}
