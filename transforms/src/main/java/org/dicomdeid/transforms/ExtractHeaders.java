package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.rules.DicomHeader;
import org.dicomdeid.rules.HeaderFacts;

/**
 * Matches the input patterns and reads the header of every file, stopping before Pixel Data. DICOM
 * files go to {@link #HEADERS}; everything else goes to {@link #REJECTED} with a reason: not DICOM,
 * a DICOMDIR or not a regular file such as a FIFO (skipped), unreadable, vanished or missing an
 * identifier (failed), possibly burned-in text (quarantined, unless allowed). Each real file is
 * read once, whatever patterns or links lead to it ({@link InputFiles}).
 */
public final class ExtractHeaders extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<HeaderRecord> HEADERS = new TupleTag<>() {};
  public static final TupleTag<Outcome> REJECTED = new TupleTag<>() {};

  /** Buckets the matched paths are spread over before the headers are read. */
  public static final int DEFAULT_BUCKETS = 16;

  private final List<String> patterns;
  private final boolean allowBurnedIn;
  private final int buckets;

  private ExtractHeaders(List<String> patterns, boolean allowBurnedIn, int buckets) {
    this.patterns = List.copyOf(patterns);
    this.allowBurnedIn = allowBurnedIn;
    this.buckets = buckets;
  }

  /** File patterns as Beam filesystems take them; a folder is {@code <folder>/**}. */
  public static ExtractHeaders from(List<String> patterns) {
    return new ExtractHeaders(patterns, false, DEFAULT_BUCKETS);
  }

  public ExtractHeaders withAllowBurnedIn(boolean allow) {
    return new ExtractHeaders(patterns, allow, buckets);
  }

  /** How many ways the header reads are spread (a few times the workers' parallelism). */
  public ExtractHeaders withBuckets(int n) {
    return new ExtractHeaders(patterns, allowBurnedIn, n);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    // One element, all patterns: a file matched by two patterns, or reached through a link, is
    // listed once (InputFiles), with no shuffle keyed per file.
    PCollectionTuple matched =
        begin
            .apply(
                "ListPatterns",
                Create.of(List.of(patterns)).withCoder(ListCoder.of(StringUtf8Coder.of())))
            .apply(
                "MatchFiles",
                ParDo.of(new MatchPatternsFn()).withOutputTags(FILES, TupleTagList.of(REJECTED)));
    PCollection<KV<String, Long>> files =
        matched
            .get(FILES)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            // FileIO.matchAll() would reshuffle on a random key per file: a bundle per file on the
            // DirectRunner. A bounded number of keys spreads the reads just as well.
            .apply(
                "SpreadFiles", Reshuffle.<KV<String, Long>>viaRandomKey().withNumBuckets(buckets));
    PCollectionTuple result =
        files.apply(
            "ReadHeaders",
            ParDo.of(new ReadHeaderFn(allowBurnedIn))
                .withOutputTags(HEADERS, TupleTagList.of(REJECTED)));
    result.get(HEADERS).setCoder(HeaderRecord.HeaderRecordCoder.of());
    result.get(REJECTED).setCoder(Outcome.OutcomeCoder.of());
    PCollection<Outcome> rejected =
        PCollectionList.of(matched.get(REJECTED).setCoder(Outcome.OutcomeCoder.of()))
            .and(result.get(REJECTED))
            .apply("AllRejected", Flatten.pCollections());
    return PCollectionTuple.of(HEADERS, result.get(HEADERS)).and(REJECTED, rejected);
  }

  private static final TupleTag<KV<String, Long>> FILES = new TupleTag<>() {};

  /**
   * Lists every regular file of the patterns, each real file once; link loops, second names of one
   * file and names this JVM cannot open get their report rows here.
   */
  static final class MatchPatternsFn extends DoFn<List<String>, KV<String, Long>> {
    private final Counter matched = DeidMetrics.counter(DeidMetrics.MATCHED);

    @ProcessElement
    public void process(@Element List<String> patterns, MultiOutputReceiver out)
        throws IOException {
      InputFiles.Listing listing = InputFiles.match(patterns);
      listing
          .files()
          .forEach(
              f -> {
                matched.inc();
                out.get(FILES).output(f);
              });
      for (Outcome o : listing.outcomes()) {
        matched.inc();
        DeidMetrics.of(o.status()).inc();
        out.get(REJECTED).output(o);
      }
    }
  }

  /** Header-only parse of one file; sorts it into headers or rejected. */
  static final class ReadHeaderFn extends DoFn<KV<String, Long>, HeaderRecord> {
    private final Counter headers = DeidMetrics.counter(DeidMetrics.HEADERS);
    private final boolean allowBurnedIn;

    ReadHeaderFn(boolean allowBurnedIn) {
      this.allowBurnedIn = allowBurnedIn;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> file, MultiOutputReceiver out) {
      headers.inc();
      String path = file.getKey();
      Outcome rejected;
      Optional<Reason> notFile = ReadProblems.notRegularFile(path);
      try {
        if (notFile.isPresent()) {
          rejected = Outcome.skipped(path, notFile.get());
          DeidMetrics.of(rejected.status()).inc();
          out.get(REJECTED).output(rejected);
          return;
        }
        HeaderRecord r =
            new HeaderRecord(path, file.getValue(), read(path, file.getValue()), List.of());
        Optional<FolderNames.Visit> visit = FolderNames.visit(path);
        if (r.mrn().isEmpty() && visit.isPresent()) {
          // The export names each visit's folder <MRN>_<YYYYMMDD>: with no PatientID in the
          // file, that folder is what the hospital says the file belongs to.
          r = r.withMrn(visit.get().mrn(), List.of(Reason.of(Reason.Kind.MRN_FROM_FOLDER)));
        }
        rejected = check(path, r.header());
        if (rejected == null) {
          out.get(HEADERS).output(r);
          return;
        }
      } catch (DicomParseException e) {
        rejected =
            isNotDicom(e)
                ? Outcome.skipped(path, notDicomReason(e))
                : Outcome.failed(path, Reason.of(Reason.Kind.UNREADABLE_DICOM, e.getMessage()));
      } catch (IOException e) {
        rejected = Outcome.failed(path, ReadProblems.of(path, e));
      } catch (RuntimeException e) {
        rejected =
            Outcome.failed(
                path, Reason.of(Reason.Kind.CANNOT_READ_HEADER, e.getClass().getSimpleName()));
      }
      DeidMetrics.of(rejected.status()).inc();
      out.get(REJECTED).output(rejected);
    }

    private static DicomHeader read(String path, long size) throws IOException {
      try (InputStream in =
          Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
        DicomReader r = DicomReader.open(in, size);
        FileMeta meta = r.fileMeta();
        String sopClass = meta == null ? null : meta.mediaStorageSopClassUid();
        if (sopClass != null && ReadProblems.MEDIA_STORAGE_DIRECTORY.equals(sopClass.trim())) {
          // A DICOMDIR is skipped whatever its directory records hold: they are not parsed.
          return new DicomHeader(
              r.transferSyntax().uid(),
              ReadProblems.MEDIA_STORAGE_DIRECTORY,
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              true);
        }
        return HeaderFacts.read(r);
      }
    }

    private Outcome check(String path, DicomHeader h) {
      if (ReadProblems.MEDIA_STORAGE_DIRECTORY.equals(h.sopClassUid())) {
        return Outcome.skipped(path, Reason.of(Reason.Kind.DICOMDIR));
      }
      String missing =
          h.patientId().isEmpty()
              ? "PatientID"
              : h.studyInstanceUid().isEmpty()
                  ? "StudyInstanceUID"
                  : h.seriesInstanceUid().isEmpty()
                      ? "SeriesInstanceUID"
                      : h.sopInstanceUid().isEmpty() ? "SOPInstanceUID" : "";
      if (missing.equals("PatientID")) {
        // No MRN, no subject: a guess could merge two patients or split one (README).
        return Outcome.failed(path, Reason.of(Reason.Kind.MISSING_PATIENT_ID));
      }
      if (!missing.isEmpty()) {
        return Outcome.failed(path, Reason.of(Reason.Kind.MISSING_IDENTIFIER, missing));
      }
      String burnedIn = BurnedIn.reason(h);
      if (!burnedIn.isEmpty() && !allowBurnedIn) {
        return Outcome.quarantined(path, Reason.of(Reason.Kind.BURNED_IN, burnedIn));
      }
      return null;
    }

    /** The codec's words without its own "not DICOM: " (the reason's kind says it). */
    private static Reason notDicomReason(DicomParseException e) {
      String prefix = "not DICOM: ";
      String problem = e.problem();
      return Reason.of(
          Reason.Kind.NOT_DICOM,
          problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem);
    }

    /** Not DICOM at all, as opposed to DICOM that is broken. */
    static boolean isNotDicom(DicomParseException e) {
      return e.kind() == DicomParseException.Kind.NOT_DICOM;
    }
  }
}
