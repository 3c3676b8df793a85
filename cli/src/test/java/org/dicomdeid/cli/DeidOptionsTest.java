package org.dicomdeid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.dicomdeid.pipeline.DeidOptions;
import org.dicomdeid.pipeline.DeidSettings;
import org.dicomdeid.pipeline.Runs;
import org.dicomdeid.rules.ProfileOption;
import org.dicomdeid.rules.SecretKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad options exit 2 with a message that says what to fix, before anything is read. */
class DeidOptionsTest {
  @TempDir Path dir;

  private void assertBad(String expected, String... args) {
    CliRuns.Result r = CliRuns.main(args);
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains(expected), r.err());
  }

  @Test
  void badOptionsSayWhatToFix() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    String input = in.toString();
    assertBad("--input " + input + ": no file in it", Runs.args(dir, input));
    assertBad(": no file matches it", Runs.args(dir, in + "/*.dcm"));
    Files.writeString(in.resolve("notes.txt"), "not DICOM");
    assertBad("--output is required", "--input=" + input);
    assertBad("Unknown de-identification option 'bogus'", Runs.args(dir, input, "--options=bogus"));
    assertBad(
        "--subjectDigits must be between 1 and 18", Runs.args(dir, input, "--subjectDigits=0"));
    assertBad("--subjectPrefix", Runs.args(dir, input, "--subjectPrefix=a/b"));
    assertBad("no such file or folder", Runs.args(dir, dir.resolve("missing").toString()));
    assertBad(
        "choose either retainLongFullDates or retainLongModifiedDates",
        Runs.args(dir, input, "--options=retainLongFullDates,retainLongModifiedDates"));
    assertBad(
        "outside --output",
        "--input=" + input,
        "--output=" + dir,
        "--mappingCsv=" + dir.resolve("m.csv"),
        "--reportCsv=" + dir.resolve("r.csv"),
        "--secretKeyFile=" + dir.resolve("k"));
    assertBad(
        "overlap",
        "--input=" + input,
        "--output=" + in.resolve("out"),
        "--mappingCsv=" + dir.resolve("m.csv"),
        "--reportCsv=" + dir.resolve("r.csv"),
        "--secretKeyFile=" + dir.resolve("k"));
    assertBad("bad options", "--noSuchOption=1");
  }

  @Test
  void keepUnlistedTextIsAcceptedBesideTheProfileOptions() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("notes.txt"), "not DICOM"); // an input with no file is refused
    CliRuns.Result ok =
        CliRuns.main(Runs.args(dir, in.toString(), "--options=keepUnlistedText,cleanGraphics"));
    assertEquals(0, ok.status(), ok.err());
    DeidSettings s =
        DeidSettings.from(
            PipelineOptionsFactory.fromArgs(
                    Runs.args(dir, in.toString(), "--options=keepUnlistedText"))
                .as(DeidOptions.class));
    assertTrue(s.config().keepUnlistedText());
    assertTrue(s.keyedConfig().load().keepUnlistedText(), "the workers' engine keeps it too");
    assertTrue(s.config().options().contains(ProfileOption.RETAIN_LONG_FULL_DATES));
  }

  @Test
  void aMappingMadeWithShiftedDatesNeedsShiftedDates() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("notes.txt"), "not DICOM");
    Files.createDirectories(dir.resolve("phi"));
    Files.writeString(
        dir.resolve("phi/mapping.csv"),
        "subj,MRN,ct_date,shifted_ct_date,studies,series,files\nS1,KU1,20200101,20190101,1,1,1\n");
    SecretKeyFile.loadOrCreate(dir.resolve("phi/secret.key"));
    assertBad("shifted dates", Runs.args(dir, in.toString()));
    CliRuns.Result ok =
        CliRuns.main(Runs.args(dir, in.toString(), "--options=retainLongModifiedDates"));
    assertEquals(0, ok.status(), ok.err());
    assertTrue(Files.readString(dir.resolve("phi/mapping.csv")).contains("S1,KU1,20200101"));
  }
}
