package org.dicomdeid.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dicomdeid.pipeline.DeidSettings;
import org.dicomdeid.transforms.FileNames;

/**
 * The page's form, checked before a run starts so that a typo never costs an upload: where the
 * files are, and the options a coordinator needs, with the command line's defaults.
 *
 * @param inputPath a folder on this machine, or null for the staged upload
 * @param mappingCsv a mapping CSV to continue (read, merged, written back), or null for a new one
 * @param secretKeyFile the key file, or null for the server's default
 */
record RunRequest(
    Path inputPath,
    String subjectPrefix,
    Path mappingCsv,
    boolean shiftDates,
    boolean allowBurnedIn,
    Path secretKeyFile) {

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
      prefix = DeidSettings.DEFAULT_SUBJECT_PREFIX;
    }
    if (!DeidSettings.isSubjectPrefix(prefix)) {
      throw new IllegalArgumentException(
          "the subject prefix must be a letter then up to 31 " + "letters or digits, e.g. SUBJ");
    }
    String dates = form.getOrDefault("dates", "keep");
    if (!dates.equals("keep") && !dates.equals("shift")) {
      throw new IllegalArgumentException("dates must be keep or shift");
    }
    Path mapping = optional(form.get("mappingCsv"), "the mapping CSV");
    if (mapping != null && !Files.isDirectory(mapping.getParent())) {
      throw new IllegalArgumentException("the mapping CSV's folder does not exist");
    }
    return new RunRequest(
        input,
        prefix,
        mapping,
        dates.equals("shift"),
        "true".equals(form.get("allowBurnedIn")),
        optional(form.get("secretKeyFile"), "the secret key file"));
  }

  /** The run's settings, not yet checked, for a run in {@code runDir} reading {@code input}. */
  DeidSettings.Builder settings(Path input, Path runDir, Path defaultKey) {
    return DeidSettings.builder()
        .input(input.toString())
        .output(runDir.resolve("deid").toString())
        .mappingCsv(mappingCsvIn(runDir).toString())
        .reportCsv(runDir.resolve("report.csv").toString())
        .secretKeyFile((secretKeyFile != null ? secretKeyFile : defaultKey).toString())
        .subjectPrefix(subjectPrefix)
        .options(shiftDates ? "retainLongModifiedDates" : "")
        .allowBurnedIn(allowBurnedIn);
  }

  /** The mapping CSV the run reads and writes: the one to continue, or a new one. */
  Path mappingCsvIn(Path runDir) {
    return mappingCsv != null ? mappingCsv : runDir.resolve("mapping.csv");
  }

  private static Path optional(String value, String what) {
    return value == null || value.isBlank() ? null : absolute(value, what);
  }

  private static Path absolute(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    Path p = Path.of(FileNames.ofText(value.strip()));
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException(what + " must be a full path, starting with /");
    }
    return p.normalize();
  }
}
