package org.dicomdeid.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicomdeid.rules.DeidConfig;
import org.dicomdeid.rules.OptionChoice;
import org.dicomdeid.rules.SecretKeyFile;
import org.dicomdeid.transforms.MappingCsv;
import org.dicomdeid.transforms.KeyedConfig;

/**
 * The options, read once and validated: plain values for the transforms. Every problem is a
 * {@link BadOptionsException} whose message says what to fix.
 *
 * @param patterns Beam file patterns; a folder becomes {@code <folder>/**}
 * @param overwrite replace an existing output file that has other bytes
 * @param warnings warnings about the permissions of the key file, mapping and report: empty when
 *     no existing one is readable by group or others
 * @param secretKeyFile where the workers read the key ({@link #keyedConfig}); an existing mapping
 *     CSV is checked here and read again inside the pipeline ({@code ReadMapping})
 */
public record DeidSettings(List<String> patterns, String output, String mappingCsv,
    String reportCsv, DeidConfig config, String subjectPrefix, int subjectDigits,
    boolean allowBurnedIn, boolean overwrite, String secretKeyFile,
    boolean keyCreated, List<String> warnings) {

  /** The key file and options as the workers get them: the key itself stays out of the job. */
  public KeyedConfig keyedConfig() {
    return KeyedConfig.of(secretKeyFile, config.options())
        .withKeepUnlistedText(config.keepUnlistedText());
  }

  public static DeidSettings from(DeidOptions o) throws BadOptionsException {
    String output = required(o.getOutput(), "--output", "the folder for the de-identified tree");
    String mapping = required(o.getMappingCsv(), "--mappingCsv", "the key file to read/merge");
    String report = required(o.getReportCsv(), "--reportCsv", "the report file to write");
    String keyFile = required(o.getSecretKeyFile(), "--secretKeyFile", "the secret key file");
    List<String> patterns = Inputs.patterns(o.getInput());
    Path out = Path.of(output).toAbsolutePath().normalize();
    Path map = Path.of(mapping).toAbsolutePath().normalize();
    Path rep = Path.of(report).toAbsolutePath().normalize();
    if (map.startsWith(out) || rep.startsWith(out) || Path.of(keyFile).toAbsolutePath()
        .normalize().startsWith(out)) {
      throw new BadOptionsException("--mappingCsv, --reportCsv and --secretKeyFile hold PHI or "
          + "the key: put them outside --output (" + out + ")");
    }
    if (map.equals(rep)) {
      throw new BadOptionsException("--mappingCsv and --reportCsv must be different files");
    }
    Inputs.checkOutsideInputs(o.getInput(), out, map, rep);
    String prefix = o.getSubjectPrefix();
    int digits = o.getSubjectDigits();
    for (String problem : new String[] {OptionCheck.prefixProblem(prefix),
        OptionCheck.digitsProblem(digits)}) {
      if (problem != null) {
        throw new BadOptionsException(problem);
      }
    }
    OptionChoice chosen;
    try {
      chosen = OptionChoice.parse(o.getOptions());
    } catch (IllegalArgumentException e) {
      throw new BadOptionsException("--options: " + e.getMessage());
    }
    Inputs.checkEachHasFiles(o.getInput());
    SecretKeyFile.Loaded key;
    KeyCheck.beforeLoading(Path.of(keyFile), map, out);
    try {
      key = SecretKeyFile.loadOrCreate(Path.of(keyFile));
    } catch (IOException e) {
      throw new BadOptionsException("--secretKeyFile: " + e.getMessage());
    }
    KeyCheck.matchAndRecord(key.key(), Path.of(keyFile), map, out);
    DeidConfig config;
    try {
      config = chosen.config(key.key());
    } catch (IllegalArgumentException e) {
      throw new BadOptionsException("--options: " + e.getMessage());
    }
    checkMapping(map, config.shiftDates());
    List<String> warnings = new ArrayList<>();
    if (key.warning() != null) {
      warnings.add(key.warning());
    }
    for (Path phi : List.of(map, rep)) {
      String w = permissionWarning(phi);
      if (w != null) {
        warnings.add(w + " (it is rewritten 0600 by this run)");
      }
    }
    return new DeidSettings(patterns, out.toString(), map.toString(), rep.toString(), config,
        prefix, digits, o.getAllowBurnedIn(), o.getOverwrite(),
        Path.of(keyFile).toAbsolutePath().normalize().toString(), key.created(),
        List.copyOf(warnings));
  }

  private static String permissionWarning(Path file) throws BadOptionsException {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return SecretKeyFile.permissionWarning(file);
    } catch (IOException e) {
      throw new BadOptionsException(file + ": cannot read its permissions: "
          + e.getClass().getSimpleName());
    }
  }

  private static String required(String value, String name, String what)
      throws BadOptionsException {
    if (value == null || value.isBlank()) {
      throw new BadOptionsException(name + " is required: " + what);
    }
    return value.trim();
  }

  /** Reads an existing mapping row by row, before the run, for a message instead of a crash. */
  private static void checkMapping(Path file, boolean shift) throws BadOptionsException {
    if (!Files.exists(file)) {
      return;
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      MappingCsv.parse(r, row -> {
        if (row.shiftedCtDate().isEmpty() == shift) {
          throw new OtherDates("--mappingCsv " + file + " was made with" + (shift ? "out" : "")
              + " shifted dates; use the same --options as before (retainLongModifiedDates "
              + (shift ? "off" : "on") + ") or a new mapping file");
        }
      });
    } catch (OtherDates e) {
      throw new BadOptionsException(e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw new BadOptionsException("--mappingCsv " + file + ": " + e.getMessage());
    }
  }

  /** A mapping made with the other choice of dates. */
  private static final class OtherDates extends IOException {
    OtherDates(String message) {
      super(message);
    }
  }
}
