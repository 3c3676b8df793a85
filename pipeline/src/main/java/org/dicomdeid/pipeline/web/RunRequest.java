package org.dicomdeid.pipeline.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The page's form, checked before a run starts so that a typo never costs an upload: where the
 * files are, and the options a coordinator needs, with the command line's defaults.
 *
 * @param inputPath a folder on this machine, or null for the staged upload
 * @param mappingCsv a mapping CSV to continue (read, merged, written back), or null for a new one
 * @param secretKeyFile the key file, or null for the server's default
 */
record RunRequest(Path inputPath, String subjectPrefix, Path mappingCsv, boolean shiftDates,
    boolean allowBurnedIn, Path secretKeyFile) {

  static RunRequest parse(Map<String, String> form) {
    String source = form.getOrDefault("source", "");
    Path input = null;
    if (source.equals("path")) {
      input = absolute(form.get("inputPath"), "the DICOM folder");
      if (!Files.isDirectory(input)) {
        throw new IllegalArgumentException("the DICOM folder does not exist or is not a folder");
      }
      if (input.toString().contains(",")) {
        throw new IllegalArgumentException("the DICOM folder's path may not contain a comma");
      }
    } else if (!source.equals("upload")) {
      throw new IllegalArgumentException("choose a folder path or an upload");
    }
    String prefix = form.getOrDefault("subjectPrefix", "").strip();
    if (prefix.isEmpty()) {
      prefix = "SUBJ";
    }
    if (!prefix.matches("[A-Za-z][A-Za-z0-9]{0,31}")) {
      throw new IllegalArgumentException("the subject prefix must be a letter then up to 31 "
          + "letters or digits, e.g. SUBJ");
    }
    String dates = form.getOrDefault("dates", "keep");
    if (!dates.equals("keep") && !dates.equals("shift")) {
      throw new IllegalArgumentException("dates must be keep or shift");
    }
    Path mapping = optional(form.get("mappingCsv"), "the mapping CSV");
    if (mapping != null && !Files.isDirectory(mapping.getParent())) {
      throw new IllegalArgumentException("the mapping CSV's folder does not exist");
    }
    return new RunRequest(input, prefix, mapping, dates.equals("shift"),
        "true".equals(form.get("allowBurnedIn")), optional(form.get("secretKeyFile"),
        "the secret key file"));
  }

  /** DeidPipeline's arguments for a run in {@code runDir} reading {@code input}. */
  List<String> args(Path input, Path runDir, Path defaultKey) {
    List<String> a = new ArrayList<>(List.of("--runner=DirectRunner", "--input=" + input,
        "--output=" + runDir.resolve("deid"),
        "--mappingCsv=" + (mappingCsv != null ? mappingCsv : runDir.resolve("mapping.csv")),
        "--reportCsv=" + runDir.resolve("report.csv"),
        "--secretKeyFile=" + (secretKeyFile != null ? secretKeyFile : defaultKey),
        "--subjectPrefix=" + subjectPrefix, "--progress=false"));
    if (shiftDates) {
      a.add("--options=retainLongModifiedDates");
    }
    if (allowBurnedIn) {
      a.add("--allowBurnedIn");
    }
    return a;
  }

  private static Path optional(String value, String what) {
    return value == null || value.isBlank() ? null : absolute(value, what);
  }

  private static Path absolute(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    Path p = Path.of(org.dicomdeid.transforms.FileNames.ofText(value.strip()));
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException(what + " must be a full path, starting with /");
    }
    return p.normalize();
  }
}
