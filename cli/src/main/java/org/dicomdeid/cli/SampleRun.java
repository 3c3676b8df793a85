package org.dicomdeid.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dicomdeid.pipeline.DeidOptions;
import org.dicomdeid.sample.CohortGenerator;
import org.dicomdeid.sample.CohortManifest;
import org.dicomdeid.sample.CohortSpec;
import org.dicomdeid.sample.GeneratedFile;

/**
 * With no --input: a small synthetic cohort with planted PHI (CohortGenerator) in a temporary
 * folder; options not given are pointed there too.
 *
 * @param plantedBroken how many broken DICOM files the generator planted: they fail on purpose
 */
record SampleRun(Path folder, int plantedBroken) {

  static SampleRun prepare(DeidOptions options, PrintStream out) throws IOException {
    Path dir = Files.createTempDirectory("dicom-deid-sample-");
    Path export = dir.resolve("export");
    CohortManifest m = CohortGenerator.generate(export, CohortSpec.small());
    options.setInput(export.toString());
    if (options.getOutput() == null) {
      options.setOutput(dir.resolve("deid").toString());
    }
    Path phi = dir.resolve("phi");
    if (options.getMappingCsv() == null) {
      options.setMappingCsv(phi.resolve("mapping.csv").toString());
    }
    if (options.getReportCsv() == null) {
      options.setReportCsv(phi.resolve("report.csv").toString());
    }
    if (options.getSecretKeyFile() == null) {
      options.setSecretKeyFile(phi.resolve("secret.key").toString());
    }
    int broken = m.filesOfKind(GeneratedFile.BAD).size();
    out.printf(
        "sample cohort (no --input given): %d files of %d patients with planted PHI, "
            + "%d broken and %d non-DICOM on purpose, in %s%n",
        m.files().size(),
        m.mrns().size(),
        broken,
        m.filesOfKind(GeneratedFile.NOT_DICOM).size(),
        export);
    return new SampleRun(dir, broken);
  }

  /** The sample's last lines: why its failures do not fail the run, and the command for real. */
  void printNext(PrintStream out) {
    out.println(
        "the "
            + plantedBroken
            + " failed inputs are the sample's broken files, planted "
            + "on purpose: exit status 0 (with your own --input, any failed input gives 1)");
    out.println(
        "next, your own export: run-configs/direct.sh --input=/data/export "
            + "--output=/data/deid --mappingCsv=/secure/mapping.csv --reportCsv=/secure/report.csv "
            + "--secretKeyFile=/secure/deid.key   (--help for every option)");
  }
}
