package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dciodvfy (dicom3tools) on every pydicom test file and on the leak suite's files, before and after
 * the engine with the default options: prints the errors each output has that its input did not,
 * and fails on any that is not forced by Table E.1-1 (the exceptions below, each with the row that
 * forces it).
 */
class DciodvfyComparisonTest {
  /** New errors the table forces: a pattern of dciodvfy's line, and the row that forces it. */
  static final Map<String, String> FORCED = new LinkedHashMap<>();

  static {
    FORCED.put(
        "(?s).*Element=<(ContentSequence|VerifyingObserverSequence"
            + "|GraphicAnnotationSequence)>.*",
        "Table E.1-1 0040A730, 0040A073, 00700001, D on a sequence: removed, no original item"
            + " survives");
    FORCED.put(
        "(?s).*Element=<RequestedProcedureID>.*",
        "Table E.1-1 00401001 Requested Procedure ID, X (Type 2 inside ReferencedRequestSequence)");
    FORCED.put(
        "(?s).*Empty attribute.*Element=<ReferencedRTPlanSequence>.*",
        "a sequence sent as UN is emptied: its items cannot be inspected (PS3.5 6.2.2)");
    FORCED.put(
        "(?s).*Element=<ContentDescription>.*",
        "issue 13 rule: unlisted free text (LO 0070,0081) removed, not on the keep-list");
    FORCED.put(
        "(?s).*Element=<(UnformattedTextValue|ConceptNameCodeSequence)>"
            + " Module=<WaveformAnnotation>.*",
        "issue 13 rule: unlisted free text (ST 0070,0006) removed; the concept name is then"
            + " the 1C alternative");
    FORCED.put(
        "(?s).*Missing attribute Type 1C Conditional Element=<PixelData>.*",
        "issue 13 rule: every UR removed, PixelDataProviderURL included, so Pixel Data's"
            + " condition is unmet");
  }

  @TempDir Path tmp;

  @Test
  void outputsHaveNoNewErrorsButThoseTheTableForces() throws Exception {
    Path data = ExternalTools.pydicomData();
    ExternalTools.requireDciodvfy();
    Map<String, byte[]> inputs = new LinkedHashMap<>();
    for (String dir : List.of("test_files", "charset_files")) {
      try (Stream<Path> s = Files.list(data.resolve(dir))) {
        for (Path f :
            s.filter(p -> p.toString().endsWith(".dcm")).sorted().collect(Collectors.toList())) {
          inputs.put(dir + "/" + f.getFileName(), Files.readAllBytes(f));
        }
      }
    }
    inputs.putAll(LeakSuiteTest.files());
    Deidentifier engine =
        new Deidentifier(DeidConfig.of(DeidOutput.KEY, DeidConfig.defaultOptions()));
    List<String> unforced = new ArrayList<>();
    int compared = 0;
    int notCompared = 0;
    int refused = 0;
    for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
      Path in = tmp.resolve("in.dcm");
      Path out = tmp.resolve("out.dcm");
      Files.write(in, e.getValue());
      try (OutputStream o = Files.newOutputStream(out)) {
        byte[] bytes = e.getValue();
        engine.deidentify(
            () -> new ByteArrayInputStream(bytes), bytes.length, o, DeidOutput.SUBJECT);
      } catch (DicomParseException | KnownIdentifierException refusedFile) {
        refused++;
        System.out.println(
            "dciodvfy "
                + e.getKey()
                + ": refused by the engine ("
                + refusedFile.getMessage()
                + ")");
        continue;
      }
      compared++;
      Set<String> before = errors(in);
      if (before.stream().anyMatch(l -> l.contains("Tags out of order"))) {
        System.out.println(
            "dciodvfy "
                + e.getKey()
                + ": the input cannot be validated"
                + " (dciodvfy: tags out of order), not compared");
        compared--;
        notCompared++;
        continue;
      }
      Set<String> after = errors(out);
      after.removeAll(before);
      for (String err : after) {
        String row =
            FORCED.entrySet().stream()
                .filter(f -> err.matches(f.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        System.out.println(
            "dciodvfy "
                + e.getKey()
                + ": new "
                + err
                + (row == null ? "   <- NOT FORCED" : "   (forced: " + row + ")"));
        if (row == null) {
          unforced.add(e.getKey() + ": " + err);
        }
      }
    }
    System.out.println(
        "dciodvfy: "
            + compared
            + " files compared, "
            + notCompared
            + " inputs dciodvfy cannot validate, "
            + refused
            + " refused by the engine, "
            + unforced.size()
            + " new errors not forced by the table");
    assertEquals(List.of(), unforced);
  }

  /** dciodvfy's error lines, without the file-specific parts (values, offsets). */
  private static Set<String> errors(Path file) throws IOException, InterruptedException {
    ExternalTools.Result r = ExternalTools.run(List.of("/usr/bin/dciodvfy", file.toString()));
    Set<String> out = new TreeSet<>();
    for (String line : (r.stdout() + "\n" + r.stderr()).split("\n")) {
      if (line.startsWith("Error")) {
        out.add(line.replaceAll("<[0-9.]+>", "<uid>").trim()); // UIDs change by design
      }
    }
    return out;
  }
}
