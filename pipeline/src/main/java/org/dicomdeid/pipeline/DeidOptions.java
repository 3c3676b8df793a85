package org.dicomdeid.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The command line of issue #4, Beam style {@code --name=value}; checked by DeidSettings.from. */
public interface DeidOptions extends PipelineOptions {
  @Description(
      "Input: one or more folders (read recursively, files with any name) or glob "
          + "patterns, comma separated. Without it, a small sample cohort is generated and used.")
  String getInput();

  void setInput(String value);

  @Description("Output folder of the de-identified tree (created).")
  String getOutput();

  void setOutput(String value);

  @Description("The mapping CSV (key file, PHI). Read and merged if it exists; written 0600.")
  String getMappingCsv();

  void setMappingCsv(String value);

  @Description("The report CSV: input,status,reason,output, one row per input path (PHI).")
  String getReportCsv();

  void setReportCsv(String value);

  @Description("The secret key file; created with owner-only permissions if absent.")
  String getSecretKeyFile();

  void setSecretKeyFile(String value);

  @Description("Prefix of subject IDs.")
  @Default.String(DeidSettings.DEFAULT_SUBJECT_PREFIX)
  String getSubjectPrefix();

  void setSubjectPrefix(String value);

  @Description("Digits of the subject number, zero-padded.")
  @Default.Integer(DeidSettings.DEFAULT_SUBJECT_DIGITS)
  int getSubjectDigits();

  void setSubjectDigits(int value);

  @Description(
      "PS3.15 profile options, comma separated, e.g. "
          + "retainDeviceIdentity,cleanDescriptors. retainLongModifiedDates shifts dates; "
          + "keepUnlistedText keeps text attributes that the table does not list. "
          + "Empty: the default (retainLongFullDates).")
  @Default.String("")
  String getOptions();

  void setOptions(String value);

  @Description(
      "Write files that may carry burned-in text (BurnedInAnnotation YES, US, SC, XC, "
          + "OT, DOC, secondary capture) instead of quarantining them.")
  @Default.Boolean(false)
  boolean getAllowBurnedIn();

  void setAllowBurnedIn(boolean value);

  @Description(
      "Replace an existing output file whose bytes differ from this run's. Without it such a file"
          + " is left alone and its input is reported failed; identical files are always left"
          + " alone.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description("Print a progress line every 2 s while the runner works.")
  @Default.Boolean(true)
  boolean getProgress();

  void setProgress(boolean value);
}
