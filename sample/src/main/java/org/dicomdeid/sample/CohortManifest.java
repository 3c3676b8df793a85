package org.dicomdeid.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the generator wrote: every file, and every identifying value planted in them (MRNs, names
 * decoded and as ASCII fragments, birth dates, accession numbers, addresses, private text, the
 * original UIDs) so that a byte scan of de-identified output can prove none survived. CT dates are
 * not in {@code plantedPhi}: the default profile keeps them on purpose (DESIGN.md).
 *
 * @param patientNames MRN to the decoded PatientName written for that patient
 */
public record CohortManifest(
    Path root,
    List<GeneratedFile> files,
    Set<String> plantedPhi,
    Map<String, String> patientNames) {

  public CohortManifest {
    files = List.copyOf(files);
    plantedPhi = Set.copyOf(plantedPhi);
    patientNames = Map.copyOf(patientNames);
  }

  /** The MRNs of all patients. */
  public Set<String> mrns() {
    return files.stream()
        .map(GeneratedFile::mrn)
        .filter(m -> !m.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** MRN to the CT dates (YYYYMMDD) of that patient's visits. */
  public Map<String, Set<String>> ctDatesByMrn() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (GeneratedFile f : files) {
      if (!f.mrn().isEmpty() && !f.ctDate().isEmpty()) {
        out.computeIfAbsent(f.mrn(), k -> new TreeSet<>()).add(f.ctDate());
      }
    }
    return out;
  }

  /** The files of one kind (see {@link GeneratedFile}). */
  public List<GeneratedFile> filesOfKind(String kind) {
    return files.stream().filter(f -> f.kind().equals(kind)).toList();
  }

  /** The files a DICOM reader must accept. */
  public List<GeneratedFile> readableFiles() {
    return files.stream().filter(GeneratedFile::readable).toList();
  }
}
