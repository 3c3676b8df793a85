package org.dicomdeid.transforms;

import java.util.List;
import org.dicomdeid.rules.DicomHeader;

/** Header records made by hand, for transform tests that need no files. */
final class Records {
  private Records() {}

  static HeaderRecord record(
      String path, String mrn, String study, String series, String sop, String ctDate) {
    return new HeaderRecord(
        path,
        1000,
        new DicomHeader(
            "1.2.840.10008.1.2.1",
            "1.2.840.10008.5.1.4.1.1.2",
            study,
            series,
            sop,
            mrn,
            ctDate,
            "AcquisitionDate",
            "CT",
            "",
            true),
        List.of());
  }
}
