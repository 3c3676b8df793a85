package org.dicomdeid.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.sample.CohortModel.Patient;
import org.dicomdeid.sample.CohortModel.Series;
import org.dicomdeid.sample.CohortModel.Visit;

/**
 * Writes a synthetic hospital export, {@code root/<MRN>_<CT date>/...}, of CT series in mixed
 * transfer syntaxes with identifying values planted everywhere the standard allows them, and
 * returns the manifest a test checks the pipeline's output against. Deterministic in the seed.
 */
public final class CohortGenerator {
  /** Root of the generated UIDs (PS3.5 9.1); every original UID is planted PHI. */
  public static final String UID_ROOT = "1.2.826.0.1.3680043.9999.";

  /** Transfer syntaxes assigned to series in turn (PS3.5 A.1, A.2, A.3 retired, A.5, A.4.2). */
  static final List<String> SYNTAXES =
      List.of(
          TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
          TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
          TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
          TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
          InstanceWriter.RLE_LOSSLESS);

  /** Short names of {@link #SYNTAXES}, for {@code --syntaxes=} (a benchmark picks its mix). */
  static final Map<String, String> SYNTAX_NAMES = syntaxNames();

  private static Map<String, String> syntaxNames() {
    Map<String, String> m = new LinkedHashMap<>();
    String[] names = {"explicit-le", "implicit-le", "explicit-be", "deflated", "rle"};
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], SYNTAXES.get(i));
    }
    return Collections.unmodifiableMap(m);
  }

  private static final String[] FAMILY = {"SMITH", "KOWALSKI", "NGUYEN", "OKAFOR", "GARCIA"};
  private static final String[] GIVEN = {"JOHN", "MARIA", "ANH", "CHIDI", "LUCIA"};
  private static final Pattern ASCII_RUN = Pattern.compile("[A-Za-z0-9]+");

  private final Path root;
  private final CohortSpec spec;
  private final List<String> syntaxes;
  private final Random rng;
  private final Set<String> phi = new LinkedHashSet<>();
  private final List<GeneratedFile> files = new ArrayList<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private int seriesCount;
  private int fileCount;
  private long uidCount;

  private CohortGenerator(Path root, CohortSpec spec, List<String> syntaxes) {
    if (syntaxes.isEmpty()) {
      throw new IllegalArgumentException("at least one transfer syntax");
    }
    this.root = root;
    this.spec = spec;
    this.syntaxes = List.copyOf(syntaxes);
    this.rng = new Random(spec.seed());
  }

  public static CohortManifest generate(Path root, CohortSpec spec) throws IOException {
    return generate(root, spec, SYNTAXES);
  }

  /** As {@link #generate(Path, CohortSpec)}, the series taking {@code syntaxes} (UIDs) in turn. */
  public static CohortManifest generate(Path root, CohortSpec spec, List<String> syntaxes)
      throws IOException {
    CohortGenerator g = new CohortGenerator(root, spec, syntaxes);
    g.run();
    return new CohortManifest(root, g.files, g.phi, g.names);
  }

  private void run() throws IOException {
    Files.createDirectories(root);
    Set<String> mrns = new HashSet<>();
    List<Visit> visits = new ArrayList<>();
    for (int p = 0; p < spec.patients(); p++) {
      String mrn;
      do {
        mrn = "KU" + (10000 + rng.nextInt(90000));
      } while (!mrns.add(mrn));
      Patient patient = patient(p, mrn);
      Set<String> dates = new HashSet<>();
      for (int v = 0; v < spec.studiesPerPatient(); v++) {
        String date;
        do {
          date = LocalDate.of(2015, 1, 1).plusDays(rng.nextInt(3650)).toString().replace("-", "");
        } while (!dates.add(date));
        Visit visit = visit(patient, date);
        visits.add(visit);
        for (int s = 0; s < spec.seriesPerStudy(); s++) {
          writeSeries(
              series(visit, s + 1, InstanceWriter.CT_IMAGE_STORAGE, "CT", false),
              spec.instancesPerSeries());
        }
      }
    }
    if (spec.includeBurnedIn()) {
      Visit v = visits.get(0);
      writeSeries(series(v, 90, InstanceWriter.US_IMAGE_STORAGE, "US", false), 1);
      writeSeries(series(v, 91, InstanceWriter.CT_IMAGE_STORAGE, "CT", true), 1);
    }
    if (spec.includeBadFiles()) {
      Visit v = visits.get(visits.size() - 1);
      BadFiles.write(this, v, series(v, 99, InstanceWriter.CT_IMAGE_STORAGE, "CT", false));
    }
  }

  private Patient patient(int index, String mrn) {
    String tok = token();
    String name;
    String fileName;
    String charset = "";
    if (index == 0) {
      // PS3.5 Annex I example: alphabetic, ideographic and phonetic groups in ISO 2022 IR 149.
      name = "HONG" + tok + "^GILDONG=洪^吉洞=홍^길동";
      fileName = "HONG" + tok;
      charset = "\\ISO 2022 IR 149";
    } else if (index == 1) {
      name = "Müller-Lüdenscheidt" + tok + "^José Ángel";
      fileName = "Mueller" + tok;
      charset = "ISO_IR 192";
    } else {
      String family = FAMILY[index % FAMILY.length];
      name = family + tok + "^" + GIVEN[index % GIVEN.length];
      fileName = family.charAt(0) + family.substring(1).toLowerCase() + tok;
    }
    plantText(name, tok);
    plant(fileName);
    plant(mrn);
    names.put(mrn, name);
    String birth =
        LocalDate.of(1935, 1, 1).plusDays(rng.nextInt(20000)).toString().replace("-", "");
    return new Patient(
        mrn,
        tok,
        name,
        fileName,
        charset,
        plant(birth),
        index % 2 == 0 ? "M" : "F",
        plant(rng.nextInt(900) + 10 + " " + tok + " Lane^^Springfield"),
        plant("OP" + tok + rng.nextInt(1000)),
        plant("ISSUER " + tok));
  }

  private Visit visit(Patient p, String date) {
    String t = token();
    Path dir = root.resolve(p.mrn() + "_" + date);
    String time =
        String.format("%02d%02d%02d", 7 + rng.nextInt(12), rng.nextInt(60), rng.nextInt(60));
    return new Visit(
        p,
        dir,
        date,
        time,
        uid(),
        plant("ACC" + t + rng.nextInt(10000)),
        plant("ST" + t),
        plant("General Hospital " + t),
        plant(rng.nextInt(900) + 10 + " " + t + " Road, Springfield"),
        plant("WELBY" + t + "^MARCUS"),
        plant("TECH" + t + "^ANNA"),
        plant("CT" + t),
        plant("SN-" + t + "-" + rng.nextInt(100000)),
        plant("RP" + t),
        plant("CT chest for " + p.fileName() + " " + t),
        plant("Protocol " + t),
        plant("ACME note " + t),
        plant("Patient " + p.fileName() + " phoned about " + t),
        plant("ACME nested " + t));
  }

  private Series series(Visit v, int number, String sopClass, String modality, boolean burned)
      throws IOException {
    String ts = syntaxes.get(seriesCount++ % syntaxes.size());
    Path dir =
        switch (rng.nextInt(3)) {
          case 0 -> v.dir();
          case 1 -> v.dir().resolve("S" + number);
          default -> v.dir().resolve("DICOM").resolve("ST" + seriesCount).resolve("SE" + number);
        };
    Files.createDirectories(dir);
    return new Series(v, dir, number, uid(), uid(), ts, sopClass, modality, burned, rng.nextInt(4));
  }

  private void writeSeries(Series s, int instances) throws IOException {
    String[] sops = new String[instances];
    for (int i = 0; i < instances; i++) {
      sops[i] = uid();
    }
    for (int i = 0; i < instances; i++) {
      String sop = sops[i];
      SampleDataSet d =
          InstanceWriter.dataSet(
              s, i + 1, sop, sops[(i + 1) % instances], spec.rows(), spec.columns());
      byte[] pixels = InstanceWriter.pixels(spec.rows(), spec.columns(), rng.nextLong());
      Path file = s.dir().resolve(fileName(s, i + 1));
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        InstanceWriter.write(os, s, sop, d, pixels);
      }
      String kind =
          s.burnedIn() || !s.modality().equals("CT")
              ? GeneratedFile.BURNED_IN
              : GeneratedFile.DICOM;
      add(file, kind, s, sop, s.transferSyntaxUid());
    }
  }

  /** Export-style names: with and without .dcm, and some named after the patient. */
  String fileName(Series s, int instance) {
    int n = ++fileCount;
    return switch (s.fileNameStyle()) {
      case 0 -> String.format("IM%06d", n);
      case 1 -> n + ".dcm";
      case 2 -> s.visit().patient().fileName() + "_" + n + ".dcm";
      default -> String.format("CT%03d_%04d", s.number(), instance);
    };
  }

  void add(Path file, String kind, Series s, String sop, String ts) {
    Visit v = s.visit();
    files.add(
        new GeneratedFile(
            file, kind, v.patient().mrn(), v.ctDate(), v.studyUid(), s.uid(), sop, ts));
  }

  void addOther(Path file, String kind, Visit v) {
    files.add(new GeneratedFile(file, kind, v.patient().mrn(), v.ctDate(), "", "", "", ""));
  }

  String uid() {
    return plant(UID_ROOT + (1 + (rng.nextLong() >>> 4) % 999_999_999_999L) + "." + ++uidCount);
  }

  /** A random, unique, unmistakable token (a letter, then 5 letters or digits). */
  String token() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    String t;
    do {
      StringBuilder b = new StringBuilder().append(alphabet.charAt(rng.nextInt(24)));
      for (int i = 0; i < 5; i++) {
        b.append(alphabet.charAt(rng.nextInt(alphabet.length())));
      }
      t = b.toString();
    } while (!tokens.add(t));
    return t;
  }

  String plant(String value) {
    phi.add(value);
    return value;
  }

  /** Plants a value and each ASCII run of it that holds the token, for byte scans. */
  private void plantText(String value, String token) {
    plant(value);
    for (String part : value.split("[\\^=]")) {
      if (part.contains(token)) {
        plant(part);
      }
    }
    Matcher m = ASCII_RUN.matcher(value);
    while (m.find()) {
      if (m.group().contains(token)) {
        plant(m.group());
      }
    }
  }

  /**
   * {@code CohortGenerator <dir> [patients] [seed]}: writes the small cohort's shape; {@code
   * CohortGenerator <dir> --bytes=N [--syntaxes=a,b]}: 512x512 16-bit CT slices adding up to N
   * bytes (benchmarks), the series taking the named transfer syntaxes in turn (default all five:
   * explicit-le, implicit-le, explicit-be, deflated, rle).
   */
  public static void main(String[] args) throws IOException {
    String usage =
        "usage: CohortGenerator <dir> [patients] [seed] | <dir> --bytes=N"
            + " [--syntaxes="
            + String.join(",", SYNTAX_NAMES.keySet())
            + "]";
    if (args.length < 1) {
      System.err.println(usage);
      System.exit(2);
    }
    CohortSpec spec = CohortSpec.small();
    List<String> syntaxes = SYNTAXES;
    if (args.length > 1 && args[1].startsWith("--bytes=")) {
      spec = CohortSpec.ctSlices(Long.parseLong(args[1].substring("--bytes=".length())));
      if (args.length > 2 && args[2].startsWith("--syntaxes=")) {
        syntaxes = new ArrayList<>();
        for (String name : args[2].substring("--syntaxes=".length()).split(",")) {
          String uid = SYNTAX_NAMES.get(name.trim());
          if (uid == null) {
            System.err.println("unknown transfer syntax name '" + name + "'; " + usage);
            System.exit(2);
          }
          syntaxes.add(uid);
        }
      }
    } else if (args.length > 1) {
      spec =
          spec.withPatients(
              Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : spec.seed());
    }
    CohortManifest m = generate(Path.of(args[0]), spec, syntaxes);
    System.out.println(
        "wrote "
            + m.files().size()
            + " files for "
            + m.mrns().size()
            + " patients under "
            + m.root());
  }
}
