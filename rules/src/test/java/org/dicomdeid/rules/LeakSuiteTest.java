package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;
import org.junit.jupiter.api.Test;

/**
 * The leak suite of issue 13: one crafted file per class of gap in Table E.1-1, planted with unique
 * markers (ASCII and Hangul), in every transfer syntax we write (implicit and explicit little
 * endian, explicit big endian, deflated), with the Korean text in ISO 2022 IR 149 and in UTF-8;
 * every output byte (and a deflated data set inflated) is scanned for each marker in ASCII, UTF-8,
 * UTF-16LE/BE, EUC-KR and ISO 2022 IR 149, for the default options, the clean options and shifted
 * dates. Prints one summary line per class.
 */
class LeakSuiteTest {
  private static final List<TransferSyntax> SYNTAXES =
      List.of(
          TransferSyntax.IMPLICIT_LE,
          TransferSyntax.EXPLICIT_LE,
          TransferSyntax.EXPLICIT_BE,
          TransferSyntax.DEFLATED_LE);
  private static final Map<String, Set<ProfileOption>> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("default", DeidConfig.defaultOptions());
    OPTIONS.put(
        "clean",
        EnumSet.of(
            ProfileOption.CLEAN_STRUCTURED_CONTENT,
            ProfileOption.CLEAN_GRAPHICS,
            ProfileOption.CLEAN_DESCRIPTORS));
    OPTIONS.put("shift", EnumSet.of(ProfileOption.RETAIN_LONG_MODIFIED_DATES));
  }

  private static final String[] CHARSETS = {"\\ISO 2022 IR 149", "ISO_IR 192"};

  /** The subject's own identifiers, also planted in their usual places. */
  private static final List<String> PATIENT =
      List.of("KU39009", "ACC5550001", "GILDONG", "홍길동", "19710203");

  private static final String SR = "1.2.840.10008.5.1.4.1.1.88.67";

  /** Builds values in one character set, and remembers every marker it plants. */
  private static final class Plant {
    final SpecificCharacterSet cs;
    final String csValue;
    final String prefix;
    final List<String> markers = new ArrayList<>();

    /** Kept on purpose (keep-list): the scan must find these, or it proves nothing. */
    final List<String> controls = new ArrayList<>();

    int n;

    Plant(String csValue, String prefix) {
      this.csValue = csValue;
      this.cs = SpecificCharacterSet.of(csValue.split("\\\\", -1));
      this.prefix = prefix;
    }

    /** A unique marker: ASCII, or ASCII and Hangul for text that may hold it. */
    String mark(boolean hangul) {
      String m = "LK" + prefix + (n++) + "Z";
      markers.add(m);
      if (hangul) {
        String k = "누출" + prefix + n + "밀";
        markers.add(k);
        return m + " " + k;
      }
      return m;
    }

    byte[] text(String s, VR vr) {
      return Values.pad(cs.encode(s, vr), vr);
    }

    TestDataset put(TestDataset d, String keyword, boolean hangul) {
      int tag = TestDataset.tag(keyword);
      VR vr = ElementDictionary.vrOf(tag);
      return d.put(tag, vr, text(mark(hangul && vr != VR.AE && vr != VR.UR), vr));
    }

    /** The patient's header, in this character set. */
    TestDataset patient(String sopClass) {
      return new TestDataset()
          .put("SOPClassUID", sopClass)
          .put(Tags.SpecificCharacterSet, VR.CS, csValue)
          .put(Tags.PatientName, VR.PN, text("HONG^GILDONG=홍길동", VR.PN))
          .put("PatientID", "KU39009")
          .put("AccessionNumber", "ACC5550001")
          .put("PatientBirthDate", "19710203")
          .put("StudyInstanceUID", TestDataset.STUDY)
          .put("SeriesInstanceUID", TestDataset.SERIES)
          .sopInstance(TestDataset.SOP_INSTANCE);
    }
  }

  /** The classes: name -> the crafted data set. */
  private static Map<String, Function<Plant, TestDataset>> classes() {
    Map<String, Function<Plant, TestDataset>> c = new LinkedHashMap<>();
    c.put(
        "structured-content",
        p -> {
          TestDataset code =
              new TestDataset()
                  .put("CodeValue", "121071")
                  .put("CodingSchemeDesignator", "DCM")
                  .put("CodeMeaning", "Finding");
          TestDataset text =
              p.put(
                  new TestDataset().put("ValueType", "TEXT").seq("ConceptNameCodeSequence", code),
                  "TextValue",
                  true);
          TestDataset pname =
              p.put(new TestDataset().put("ValueType", "PNAME"), "PersonName", true);
          TestDataset uid =
              new TestDataset()
                  .put("ValueType", "UIDREF")
                  .put("UID", "1.2.826.0.1.3680043.8.498.424242");
          p.markers.add("1.2.826.0.1.3680043.8.498.424242");
          TestDataset container =
              new TestDataset()
                  .put("ValueType", "CONTAINER")
                  .seq("ContentSequence", text, pname, uid);
          TestDataset observer =
              p.put(
                  p.put(new TestDataset(), "VerifyingObserverName", true),
                  "VerifyingOrganization",
                  true);
          TestDataset context =
              p.put(new TestDataset().put("ValueType", "TEXT"), "TextValue", true);
          TestDataset prep =
              new TestDataset()
                  .seq(
                      "SpecimenPreparationStepContentItemSequence",
                      p.put(new TestDataset().put("ValueType", "TEXT"), "TextValue", true));
          return p.patient(SR)
              .put("Modality", "SR")
              .seq("ContentSequence", container)
              .seq("VerifyingObserverSequence", observer)
              .seq("AcquisitionContextSequence", context)
              .seq("SpecimenPreparationSequence", prep);
        });
    c.put(
        "annotations",
        p ->
            p.patient(TestDataset.CT_IMAGE)
                .put("Modality", "PR")
                .seq(
                    "GraphicAnnotationSequence",
                    new TestDataset()
                        .put("GraphicLayer", "L1")
                        .seq(
                            "TextObjectSequence",
                            p.put(new TestDataset(), "UnformattedTextValue", true))));
    c.put(
        "unlisted-text",
        p -> {
          TestDataset d = p.patient(TestDataset.CT_IMAGE).put("Modality", "CT");
          p.controls.addAll(List.of("CTRLKEPT", "제조사대조"));
          d.put(TestDataset.tag("Manufacturer"), VR.LO, p.text("CTRLKEPT 제조사대조", VR.LO));
          for (String k :
              List.of(
                  "PerformedProcedureTypeDescription",
                  "CommentsOnTheScheduledProcedureStep",
                  "DocumentTitle",
                  "StorageMediaFileSetID",
                  "DeviceID",
                  "ImageID",
                  "HL7InstanceIdentifier",
                  "ContentDescription",
                  "RetrieveAETitle")) {
            p.put(d, k, true);
          }
          TestDataset local =
              p.put(
                  p.put(
                      new TestDataset()
                          .put("CodeValue", "P1")
                          .put("CodingSchemeDesignator", "99LOCAL"),
                      "CodeMeaning",
                      true),
                  "LongCodeValue",
                  false);
          d.seq("ProcedureCodeSequence", new TestDataset().seq("AnatomicRegionSequence", local));
          d.put(0x0EEE0010, VR.LO, p.text(p.mark(true), VR.LO)); // a public tag nobody knows
          d.put(0x0EEE0012, VR.UN, p.text(p.mark(false), VR.LO));
          // a known text attribute sent as UN (PS3.5 6.2.2): its dictionary VR decides
          d.put(TestDataset.tag("DerivationDescription"), VR.UN, p.text(p.mark(true), VR.ST));
          return d;
        });
    c.put(
        "urls",
        p ->
            p.put(
                    p.put(
                        p.put(p.patient(TestDataset.CT_IMAGE), "RetrieveURL", false),
                        "RetrieveURI",
                        false),
                    "PixelDataProviderURL",
                    false)
                .seq("ConceptNameCodeSequence", p.put(new TestDataset(), "URNCodeValue", false)));
    c.put(
        "command-group",
        p ->
            p.patient(TestDataset.CT_IMAGE)
                .put(0x00000902, VR.LO, p.text(p.mark(true), VR.LO))
                .put(0x00001031, VR.AE, p.text(p.mark(false), VR.AE)));
    c.put(
        "overlays-curves",
        p -> {
          TestDataset d = p.patient(TestDataset.CT_IMAGE);
          for (int group : new int[] {0x6000, 0x6020, 0x60FE}) {
            d.put(group << 16 | 0x0010, VR.US, new byte[] {4, 0})
                .put(group << 16 | 0x0022, VR.LO, p.text(p.mark(true), VR.LO))
                .put(group << 16 | 0x1500, VR.LO, p.text(p.mark(true), VR.LO))
                .put(group << 16 | 0x3000, VR.OW, p.text(p.mark(false), VR.OW));
          }
          for (int group : new int[] {0x5000, 0x50FE}) {
            d.put(group << 16 | 0x2500, VR.LO, p.text(p.mark(true), VR.LO))
                .put(group << 16 | 0x3000, VR.OB, p.text(p.mark(false), VR.OB));
          }
          return d;
        });
    c.put(
        "attacker",
        p -> {
          TestDataset deep = p.put(p.put(new TestDataset(), "PersonName", true), "TextValue", true);
          for (int i = 0; i < 6; i++) {
            deep =
                new TestDataset()
                    .seq(i % 2 == 0 ? "ProcedureCodeSequence" : "AnatomicRegionSequence", deep);
          }
          TestDataset d =
              p.patient(TestDataset.CT_IMAGE)
                  .seq(
                      "ReferencedImageSequence",
                      deep.put("ReferencedSOPClassUID", TestDataset.CT_IMAGE));
          d.seq(
              "ReferencedStudySequence",
              p.put(
                  new TestDataset().put("ReferencedSOPInstanceUID", TestDataset.STUDY),
                  "TextValue",
                  true));
          d.put(0xFFFCFFFC, VR.OB, p.text(p.mark(false), VR.OB));
          d.seq("IconImageSequence", p.put(new TestDataset(), "ImageComments", true));
          d.put(0x00290010, VR.LO, p.text(p.mark(false), VR.LO))
              .put(0x00291010, VR.LT, p.text(p.mark(true), VR.LT));
          d.seq("OriginalAttributesSequence", p.put(new TestDataset(), "PatientComments", true));
          return d;
        });
    c.put(
        "dates",
        p -> {
          p.markers.addAll(
              List.of("19710204", "19710205", "19710206", "1971.02.07", "19710207", "19710208"));
          TestDataset d =
              p.patient(TestDataset.CT_IMAGE)
                  .put(
                      TestDataset.tag("AcquisitionDateTime"),
                      VR.DT,
                      "19710204101010-19710205101010")
                  .put(TestDataset.tag("StudyDate"), VR.DA, "19710206\\19710208");
          TestDataset inner =
              new TestDataset().put("Date", "1971.02.07").put("DateTime", "19710207000000+0900");
          return d.seq(
              "ProcedureCodeSequence",
              new TestDataset()
                  .seq("AnatomicRegionSequence", new TestDataset().seq("ContentSequence", inner)));
        });
    return c;
  }

  @Test
  void noMarkerSurvivesInAnyClassSyntaxCharsetOrOptionSet() throws IOException {
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, Function<Plant, TestDataset>> c : classes().entrySet()) {
      int runs = 0;
      int written = 0;
      int markers = 0;
      for (String csValue : CHARSETS) {
        for (TransferSyntax ts : SYNTAXES) {
          Plant plant = new Plant(csValue, c.getKey().substring(0, 2).toUpperCase());
          byte[] in = c.getValue().apply(plant).file(ts);
          markers = plant.markers.size();
          for (Map.Entry<String, Set<ProfileOption>> o : OPTIONS.entrySet()) {
            boolean datesKept = !o.getKey().equals("shift");
            DeidOutput out = DeidOutput.run(in, o.getValue());
            runs++;
            written++;
            List<String> wanted = new ArrayList<>(plant.markers);
            wanted.addAll(PATIENT);
            if (datesKept) {
              wanted.removeIf(
                  m -> m.matches("19710\\d{3}|1971\\.02\\.07") && !m.equals("19710203"));
            }
            for (String m : plant.controls) {
              if (scan(out.bytes, m, out.transferSyntax) == null) {
                leaks.add(
                    c.getKey()
                        + " "
                        + ts.uid()
                        + ": the control "
                        + m
                        + " kept on"
                        + " purpose was not found: the scan is blind");
              }
            }
            for (String m : wanted) {
              String where = scan(out.bytes, m, out.transferSyntax);
              if (where != null) {
                leaks.add(
                    c.getKey()
                        + " "
                        + ts.uid()
                        + " "
                        + csValue
                        + " "
                        + o.getKey()
                        + ": "
                        + m
                        + " as "
                        + where);
              }
            }
          }
        }
      }
      System.out.printf(
          "leak-suite %-18s %2d runs (4 transfer syntaxes x 2 character sets x"
              + " default/clean/shift), %2d written, %2d markers each, %d found%n",
          c.getKey(),
          runs,
          written,
          markers,
          leaks.stream().filter(l -> l.startsWith(c.getKey())).count());
    }
    assertEquals(List.of(), leaks);
  }

  /** Under keepUnlistedText a planted name is kept by the rules; the last check keeps it out. */
  @Test
  void theLastCheckCatchesANameKeptOnPurpose() throws IOException {
    Deidentifier keeping =
        new Deidentifier(
            DeidConfig.of(DeidOutput.KEY, DeidConfig.defaultOptions()).withKeepUnlistedText(true));
    int refused = 0;
    for (String csValue : CHARSETS) {
      for (TransferSyntax ts : SYNTAXES) {
        for (String planted : List.of("Seen by GILDONG", "홍길동 판독", "MRN KU39009")) {
          Plant p = new Plant(csValue, "LC");
          TestDataset d =
              p.patient(TestDataset.CT_IMAGE)
                  .seq(
                      "ReferencedSeriesSequence",
                      new TestDataset()
                          .put(TestDataset.tag("DocumentTitle"), VR.ST, p.text(planted, VR.ST)));
          byte[] in = d.file(ts);
          try {
            DeidOutput.run(keeping, in);
          } catch (KnownIdentifierException e) {
            assertTrue(e.getMessage().contains(" at 0008,1115[0]/0042,0010 "), e.getMessage());
            refused++;
          }
        }
      }
    }
    System.out.printf(
        "leak-suite last-check         %d of 24 files with a kept identifier"
            + " refused by the last check%n",
        refused);
    assertEquals(24, refused);
  }

  /** The crafted files, Explicit VR Little Endian and ISO 2022 IR 149, for other checks. */
  static Map<String, byte[]> files() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, Function<Plant, TestDataset>> c : classes().entrySet()) {
      out.put(
          "leak-suite/" + c.getKey(),
          c.getValue().apply(new Plant(CHARSETS[0], "DV")).file(TransferSyntax.EXPLICIT_LE));
    }
    return out;
  }

  /** Where the marker occurs in the output (raw, or in an inflated data set), or null. */
  static String scan(byte[] out, String marker, TransferSyntax ts) throws IOException {
    List<byte[]> hays = new ArrayList<>(List.of(out));
    if (ts.deflated()) {
      int meta = ByteBuffer.wrap(out, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      try (InflaterInputStream in =
          new InflaterInputStream(
              new ByteArrayInputStream(out, 144 + meta, out.length - 144 - meta),
              new Inflater(true))) {
        hays.add(in.readAllBytes());
      }
    }
    Map<String, byte[]> forms = new LinkedHashMap<>();
    for (Charset c :
        List.of(
            StandardCharsets.UTF_8,
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE,
            Charset.forName("EUC-KR"))) {
      forms.put(c.name(), marker.getBytes(c));
    }
    forms.put(
        "ISO 2022 IR 149", SpecificCharacterSet.of("", "ISO 2022 IR 149").encode(marker, VR.LT));
    for (byte[] hay : hays) {
      for (Map.Entry<String, byte[]> f : forms.entrySet()) {
        if (PhiLeakTest.indexOf(hay, f.getValue()) >= 0) {
          return f.getKey() + (hay == out ? "" : " (inflated)");
        }
      }
    }
    return null;
  }
}
