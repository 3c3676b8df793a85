package org.dicomdeid.cli;

import java.lang.reflect.Method;
import java.util.Optional;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.dicomdeid.pipeline.DeidOptions;

/**
 * Every option of this tool's command line, as {@code --help} shows it and {@link OptionCheck}
 * checks it: its group, the kind of value it takes, its default and one example. The options of
 * {@link DeidOptions} take their description from its {@code @Description}; the runner options are
 * Beam's own and are described here.
 */
enum CliOption {
  INPUT(
      "input",
      Group.FILES,
      Kind.LIST,
      "none: a generated sample cohort, to try the tool",
      "--input=/data/export",
      null),
  OUTPUT("output", Group.FILES, Kind.PATH, null, "--output=/data/deid", null),
  OVERWRITE("overwrite", Group.FILES, Kind.BOOLEAN, null, "--overwrite", null),
  MAPPING_CSV("mappingCsv", Group.PHI, Kind.PATH, null, "--mappingCsv=/secure/mapping.csv", null),
  REPORT_CSV("reportCsv", Group.PHI, Kind.PATH, null, "--reportCsv=/secure/report.csv", null),
  SECRET_KEY_FILE(
      "secretKeyFile", Group.PHI, Kind.PATH, null, "--secretKeyFile=/secure/deid.key", null),
  SUBJECT_PREFIX("subjectPrefix", Group.DEID, Kind.TEXT, null, "--subjectPrefix=KUH", null),
  SUBJECT_DIGITS("subjectDigits", Group.DEID, Kind.NUMBER, null, "--subjectDigits=8", null),
  OPTIONS(
      "options",
      Group.DEID,
      Kind.LIST,
      "retainLongFullDates",
      "--options=retainDeviceIdentity,retainLongModifiedDates",
      null),
  ALLOW_BURNED_IN("allowBurnedIn", Group.DEID, Kind.BOOLEAN, null, "--allowBurnedIn", null),
  RUNNER(
      "runner",
      Group.RUNNERS,
      Kind.TEXT,
      "DirectRunner",
      "--runner=FlinkRunner",
      "DirectRunner (this machine) or FlinkRunner (embedded, or a cluster with --flinkMaster)."),
  FLINK_MASTER(
      "flinkMaster",
      Group.RUNNERS,
      Kind.TEXT,
      "[auto]: embedded Flink",
      "--flinkMaster=127.0.0.1:8081",
      "FlinkRunner: the cluster's REST address, host:port."),
  PARALLELISM(
      "parallelism",
      Group.RUNNERS,
      Kind.NUMBER,
      "the cluster's default",
      "--parallelism=4",
      "FlinkRunner: parallel subtasks per stage, at most the free slots."),
  PROGRESS("progress", Group.RUNNERS, Kind.BOOLEAN, null, "--progress=false", null);

  /** The groups of --help, in order. */
  enum Group {
    FILES("Input and output"),
    PHI("PHI files (keep them outside --output, owner-only)"),
    DEID("De-identification"),
    RUNNERS("Runners");

    final String title;

    Group(String title) {
      this.title = title;
    }
  }

  /** The kind of value; a LIST may be given several times, its values are merged. */
  enum Kind {
    PATH,
    TEXT,
    NUMBER,
    BOOLEAN,
    LIST
  }

  final String name;
  final Group group;
  final Kind kind;
  private final String defaultText;
  final String example;
  private final String description;

  CliOption(
      String name, Group group, Kind kind, String defaultText, String example, String description) {
    this.name = name;
    this.group = group;
    this.kind = kind;
    this.defaultText = defaultText;
    this.example = example;
    this.description = description;
  }

  /** The option called {@code --name}, if this tool has one. */
  static Optional<CliOption> named(String name) {
    for (CliOption o : values()) {
      if (o.name.equals(name)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** Whether a run on the user's own --input needs it. */
  boolean requiredWithInput() {
    return this == OUTPUT || this == MAPPING_CSV || this == REPORT_CSV || this == SECRET_KEY_FILE;
  }

  /** What it is for: DeidOptions' description, or the runner option's own. */
  String description() {
    if (description != null) {
      return description;
    }
    Description d = getter().getAnnotation(Description.class);
    return d == null ? "" : d.value();
  }

  /** Its default as --help shows it. */
  String defaultText() {
    if (defaultText != null) {
      return defaultText;
    }
    if (requiredWithInput()) {
      return "none: required with --input";
    }
    Method g = getter();
    Default.String s = g.getAnnotation(Default.String.class);
    Default.Integer i = g.getAnnotation(Default.Integer.class);
    Default.Boolean b = g.getAnnotation(Default.Boolean.class);
    return s != null
        ? s.value()
        : i != null ? String.valueOf(i.value()) : b != null ? String.valueOf(b.value()) : "none";
  }

  /** The DeidOptions getter of this option; runner options have none. */
  Method getter() {
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    try {
      return DeidOptions.class.getMethod("get" + cap);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("DeidOptions has no property " + name, e);
    }
  }
}
