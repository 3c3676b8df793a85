package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file without PatientID or any CT date in a {@code <MRN>_<YYYYMMDD>} visit folder takes both
 * from the folder, as the original tool did, and the report says so; outside such a folder it fails
 * as before.
 */
@ExtendWith(TestPipelineExtension.class)
class FolderFallbackTest {
  @TempDir Path dir;

  @Test
  void missingMrnAndDateComeFromTheVisitFolder(TestPipeline p) throws IOException {
    Path inVisit = write(dir.resolve("export/KU777_20200102/a.dcm"), "1.9.1");
    Path loose = write(dir.resolve("export/loose/b.dcm"), "1.9.2");
    PCollectionTuple headers = p.apply(ExtractHeaders.from(List.of(dir + "/export/**")));
    PCollectionTuple grouped = headers.get(ExtractHeaders.HEADERS).apply(GroupBySeries.create());
    PAssert.that(
            grouped
                .get(GroupBySeries.READY)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (HeaderRecord r) ->
                                r.path()
                                    + " "
                                    + r.mrn()
                                    + " "
                                    + r.ctDate()
                                    + " "
                                    + Reason.text(r.notes()))))
        .containsInAnyOrder(
            inVisit
                + " KU777 20200102 no PatientID in the file; MRN taken from"
                + " the folder name; no CT date in the study; date taken from the folder name");
    PAssert.that(headers.get(ExtractHeaders.REJECTED))
        .containsInAnyOrder(
            Outcome.failed(loose.toString(), Reason.of(Reason.Kind.MISSING_PATIENT_ID)));
    p.run().waitUntilFinish();
  }

  /** A CT header with study, series and instance UIDs, and no PatientID or dates. */
  private static Path write(Path file, String uidStem) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      FileMeta meta = new FileMeta();
      meta.putString(Tags.MediaStorageSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
      meta.putString(Tags.MediaStorageSOPInstanceUID, VR.UI, uidStem + ".3");
      DicomWriter w = new DicomWriter(out);
      w.writeFileMeta(meta, TransferSyntax.EXPLICIT_LE);
      w.writeElement(Tags.SOPClassUID, VR.UI, Values.ascii("1.2.840.10008.5.1.4.1.1.2", VR.UI));
      w.writeElement(Tags.SOPInstanceUID, VR.UI, Values.ascii(uidStem + ".3", VR.UI));
      w.writeElement(Tags.Modality, VR.CS, Values.ascii("CT", VR.CS));
      w.writeElement(Tags.StudyInstanceUID, VR.UI, Values.ascii(uidStem + ".1", VR.UI));
      w.writeElement(Tags.SeriesInstanceUID, VR.UI, Values.ascii(uidStem + ".2", VR.UI));
      w.finish();
    }
    return file;
  }
}
