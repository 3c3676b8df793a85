package org.dicomdeid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicomdeid.dicom.DicomReader;
import org.dicomdeid.dicom.DicomReader.Event;
import org.dicomdeid.dicom.FileMeta;
import org.dicomdeid.dicom.Tags;
import org.dicomdeid.dicom.TransferSyntax;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;

/**
 * One run of the engine and its output read back: every element by path, in file order. A path is
 * the tag as {@code gggg,eeee}, nested as {@code 0008,1140[0]/0008,1155}; a sequence maps to VR SQ
 * with its item count; the fragments of encapsulated data are {@code 7FE0,0010{0}}, ....
 */
final class DeidOutput {
  static final byte[] KEY = "engine-test-secret-key-0123456789".getBytes(StandardCharsets.US_ASCII);
  static final Subject SUBJECT = new Subject("SUBJ0417", "KU39009", "20220921");

  /** One element of the output. */
  record El(VR vr, byte[] value, int items) {
    String string() {
      return Values.string(value);
    }
  }

  final byte[] bytes;
  final FileMeta meta;
  final TransferSyntax transferSyntax;
  final Map<String, El> elements;

  private DeidOutput(byte[] bytes) throws IOException {
    this.bytes = bytes;
    Map<String, El> m = new LinkedHashMap<>();
    DicomReader r = DicomReader.open(new ByteArrayInputStream(bytes), bytes.length);
    ArrayDeque<String> prefix = new ArrayDeque<>();
    ArrayDeque<int[]> itemCounters = new ArrayDeque<>();
    ArrayDeque<String> seqPaths = new ArrayDeque<>();
    prefix.push("");
    for (Event e = r.next(); e != Event.END; e = r.next()) {
      switch (e) {
        case ELEMENT:
          m.put(prefix.peek() + path(r.tag()), new El(r.vr(), r.readValue(), 0));
          break;
        case SEQUENCE_START:
        case FRAGMENTS_START:
          String p = prefix.peek() + path(r.tag());
          seqPaths.push(p);
          itemCounters.push(new int[1]);
          m.put(p, new El(e == Event.FRAGMENTS_START ? r.vr() : VR.SQ, null, 0));
          break;
        case ITEM_START:
          prefix.push(seqPaths.peek() + "[" + itemCounters.peek()[0]++ + "]/");
          break;
        case ITEM_END:
          prefix.pop();
          break;
        case FRAGMENT:
          m.put(
              seqPaths.peek() + "{" + itemCounters.peek()[0]++ + "}",
              new El(null, r.readValue(), 0));
          break;
        case SEQUENCE_END:
        case FRAGMENTS_END:
          String s = seqPaths.pop();
          m.put(s, new El(m.get(s).vr(), null, itemCounters.pop()[0]));
          break;
        default:
          throw new IllegalStateException(e.name());
      }
    }
    this.meta = r.fileMeta();
    this.transferSyntax = r.transferSyntax();
    this.elements = Collections.unmodifiableMap(m);
  }

  static String path(int tag) {
    return String.format("%04X,%04X", Tags.group(tag), Tags.element(tag));
  }

  static String path(String keyword) {
    return path(TestDataset.tag(keyword));
  }

  static DeidOutput run(byte[] input, Set<ProfileOption> options) throws IOException {
    return run(new Deidentifier(DeidConfig.of(KEY, options)), input);
  }

  static DeidOutput run(Deidentifier engine, byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.deidentify(() -> new ByteArrayInputStream(input), input.length, out, SUBJECT);
    return new DeidOutput(out.toByteArray());
  }

  /** The element at a path; fails if absent. */
  El get(String path) {
    El el = elements.get(path);
    assertNotNull(el, () -> path + " missing from the output; it has " + elements.keySet());
    return el;
  }

  String string(String path) {
    return get(path).string();
  }

  boolean has(String path) {
    return elements.containsKey(path);
  }

  /** Top-level paths, in file order. */
  List<String> topLevel() {
    List<String> out = new ArrayList<>();
    for (String p : elements.keySet()) {
      if (!p.contains("/") && !p.contains("{")) {
        out.add(p);
      }
    }
    return out;
  }

  void assertValue(String path, VR vr, String value) {
    El el = get(path);
    assertEquals(vr, el.vr(), path + " VR");
    assertEquals(value, el.string(), path + " value");
  }

  void assertEmpty(String path) {
    assertEquals(0, get(path).value().length, path + " should be present and empty");
  }
}
