package org.dicomdeid.rules;

import java.util.Set;

/**
 * Coding schemes whose code meanings are published vocabulary, not free text: the internal and
 * external schemes of PS3.16 Table 8-1 that DICOM objects commonly use. Local schemes (99..., L,
 * anything else) may carry any text in Code Meaning, so theirs are not kept.
 */
final class CodingSchemes {
  private static final Set<String> STANDARD =
      Set.of(
          "DCM",
          "SCT",
          "SRT",
          "SNM3",
          "LN",
          "UCUM",
          "RADLEX",
          "RADELEMENT",
          "FMA",
          "NCIt",
          "NCIT",
          "MSH",
          "UMLS",
          "ICD10",
          "ICD10PCS",
          "ICD10CM",
          "I10",
          "I9C",
          "I10P",
          "ACR",
          "ASTM-sigpurpose",
          "BARI",
          "C4",
          "C5",
          "CD2",
          "DC",
          "HPC",
          "ISO3166_1",
          "ISO639_1",
          "ISO639_2",
          "ISO_OID",
          "ITIS_TSN",
          "MDC",
          "NEU",
          "NICIP",
          "NYUMCCG",
          "PUBCHEM_CID",
          "RFC5646",
          "SCPECG",
          "UNS",
          "UPC",
          "MAYONEDICT",
          "IBSI",
          "ICDO3",
          "CAS",
          "NCDR",
          "DCMUID",
          "BI",
          "POS",
          "ATC",
          "RXNORM");

  private CodingSchemes() {}

  static boolean isStandard(String designator) {
    return STANDARD.contains(designator);
  }
}
