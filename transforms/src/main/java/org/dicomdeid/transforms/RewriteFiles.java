package org.dicomdeid.transforms;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.dicomdeid.dicom.DicomParseException;
import org.dicomdeid.dicom.io.FileChannelInput;
import org.dicomdeid.dicom.io.InputOpener;
import org.dicomdeid.rules.Deidentifier;
import org.dicomdeid.rules.Keyed;
import org.dicomdeid.rules.Subject;

/**
 * Streams each file through the {@link Deidentifier} with its subject and study CT date and writes
 * it atomically to {@code <subject>/<outputDate>/<uid(study)>/<uid(series)>/<uid(sop)>.dcm} under
 * the output folder: built from subject, date and new UIDs only, never from input names. Each file
 * gives one {@link Outcome} ({@link #OUTCOMES}): written, unchanged (an identical file was there
 * already), or failed with the reason (and no output file); the records of the files in the output
 * tree (written or unchanged) also go to {@link #WRITTEN}.
 */
public final class RewriteFiles extends PTransform<PCollection<HeaderRecord>, PCollectionTuple> {
  /** One outcome per file: written, unchanged or failed. */
  public static final TupleTag<Outcome> OUTCOMES = new TupleTag<>() {};

  /** The header records of the files in the output tree, for the mapping's counts. */
  public static final TupleTag<HeaderRecord> WRITTEN = new TupleTag<>() {};

  private final KeyedConfig config;
  private final String outputRoot;
  private final PCollectionView<Map<String, String>> subjects;
  private final boolean overwrite;

  private RewriteFiles(
      KeyedConfig config,
      String outputRoot,
      PCollectionView<Map<String, String>> subjects,
      boolean overwrite) {
    this.config = config;
    this.outputRoot = outputRoot;
    this.subjects = subjects;
    this.overwrite = overwrite;
  }

  /**
   * Writes under {@code outputRoot} with MRN -> subject from {@code subjects}; the workers read the
   * key at set-up ({@link KeyedConfig}).
   */
  public static RewriteFiles to(
      String outputRoot, KeyedConfig config, PCollectionView<Map<String, String>> subjects) {
    return new RewriteFiles(config, outputRoot, subjects, false);
  }

  /**
   * Whether an existing output file with other bytes is replaced; by default it is left alone and
   * its input fails with the reason. A file with the same bytes is always left alone.
   */
  public RewriteFiles withOverwrite(boolean replace) {
    return new RewriteFiles(config, outputRoot, subjects, replace);
  }

  @Override
  public PCollectionTuple expand(PCollection<HeaderRecord> files) {
    // The files come as GroupBySeries.REWRITE gives them: by study, large studies spread.
    PCollectionTuple out =
        files.apply(
            "Deidentify",
            ParDo.of(new RewriteFileFn(config, outputRoot, subjects, overwrite))
                .withSideInputs(subjects)
                .withOutputTags(OUTCOMES, TupleTagList.of(WRITTEN)));
    out.get(OUTCOMES).setCoder(Outcome.OutcomeCoder.of());
    out.get(WRITTEN).setCoder(HeaderRecord.HeaderRecordCoder.of());
    return out;
  }

  /** The output path of a file, relative to the output folder. */
  public static String outputPath(Deidentifier deid, String subject, HeaderRecord r) {
    Keyed k = deid.keyed();
    return subject
        + "/"
        + deid.outputDate(r.ctDate(), r.mrn())
        + "/"
        + k.uid(r.header().studyInstanceUid())
        + "/"
        + k.uid(r.header().seriesInstanceUid())
        + "/"
        + k.uid(r.header().sopInstanceUid())
        + ".dcm";
  }

  /** De-identifies one file. */
  static final class RewriteFileFn extends DoFn<HeaderRecord, Outcome> {
    private final Counter written = DeidMetrics.of(Status.WRITTEN);
    private final Counter unchanged = DeidMetrics.of(Status.UNCHANGED);
    private final Counter failed = DeidMetrics.of(Status.FAILED);
    private final Counter bytes = DeidMetrics.counter(DeidMetrics.BYTES);
    private final KeyedConfig config;
    private final String outputRoot;
    private final PCollectionView<Map<String, String>> subjects;
    private final boolean overwrite;
    private transient Deidentifier deid;
    private transient OutputTree tree;

    RewriteFileFn(
        KeyedConfig config,
        String outputRoot,
        PCollectionView<Map<String, String>> subjects,
        boolean overwrite) {
      this.config = config;
      this.outputRoot = outputRoot;
      this.subjects = subjects;
      this.overwrite = overwrite;
    }

    @Setup
    public void setup() throws IOException {
      deid = new Deidentifier(config.load());
      tree = new OutputTree(outputRoot, overwrite);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      HeaderRecord r = c.element();
      String subject = c.sideInput(subjects).get(r.mrn());
      if (subject == null) {
        fail(c, r, Reason.of(Reason.Kind.NO_SUBJECT));
        return;
      }
      String relative = outputPath(deid, subject, r);
      Subject s = new Subject(subject, r.mrn(), r.ctDate());
      ResourceId source = FileSystems.matchNewResource(r.path(), false);
      // A local file is read through its channel, so bulk values can go file to file.
      InputOpener opener =
          () -> {
            ReadableByteChannel ch = FileSystems.open(source);
            return ch instanceof FileChannel f
                ? new FileChannelInput(f)
                : Channels.newInputStream(ch);
          };
      try {
        List<String> recovered = new ArrayList<>();
        OutputTree.Written w =
            tree.write(
                relative,
                out -> recovered.addAll(deid.deidentify(opener, r.size(), out, s, r.header())));
        List<Reason> notes = new ArrayList<>(r.notes());
        if (!recovered.isEmpty()) {
          notes.add(Reason.of(Reason.Kind.READ_THROUGH, String.join("; ", recovered)));
        }
        if (w.unchanged()) {
          unchanged.inc();
          c.output(Outcome.unchanged(r.path(), relative, notes));
        } else {
          bytes.inc(w.bytes());
          written.inc();
          c.output(Outcome.written(r.path(), relative, notes));
        }
        c.output(WRITTEN, r);
      } catch (DicomParseException e) {
        fail(c, r, Reason.of(Reason.Kind.UNREADABLE_DICOM, String.valueOf(e.getMessage())));
      } catch (OutputTree.OutputExistsException e) {
        fail(c, r, Reason.of(Reason.Kind.OUTPUT_EXISTS));
      } catch (IOException | RuntimeException e) {
        if (ReadProblems.vanished(r.path())) {
          fail(c, r, Reason.of(Reason.Kind.VANISHED));
          return;
        }
        fail(c, r, Reason.of(Reason.Kind.DEID_FAILED, describe(e)));
      }
    }

    private static String describe(Exception e) {
      return e.getMessage() == null
          ? e.getClass().getSimpleName()
          : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void fail(ProcessContext c, HeaderRecord r, Reason reason) {
      failed.inc();
      c.output(Outcome.failed(r.path(), reason));
    }
  }
}
