package org.dicomdeid.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dicomdeid.dicom.DicomWriter;
import org.dicomdeid.dicom.ElementDictionary;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.charset.SpecificCharacterSet;

/**
 * A small in-memory data set for the generator: elements kept in ascending tag order (PS3.5 7.1),
 * strings encoded with the Specific Character Set and numbers in the transfer syntax's byte order
 * only when written, so one data set can be written in any transfer syntax.
 */
final class SampleDataSet {
  private sealed interface Value permits Text, Numbers, Items {}

  private record Text(VR vr, String value) implements Value {}

  /** Binary numbers of {@code vr}'s unit size, held as longs. */
  private record Numbers(VR vr, long[] values) implements Value {}

  private record Items(List<SampleDataSet> items) implements Value {}

  private final Map<Integer, Value> elements = new TreeMap<>(Integer::compareUnsigned);

  /** A registered attribute by its PS3.6 keyword, with the dictionary's VR. */
  SampleDataSet text(String keyword, String value) {
    int tag = tag(keyword);
    return text(tag, ElementDictionary.vrOf(tag), value);
  }

  SampleDataSet us(String keyword, int... values) {
    return us(tag(keyword), values);
  }

  SampleDataSet sequence(String keyword, SampleDataSet... items) {
    return sequence(tag(keyword), items);
  }

  static int tag(String keyword) {
    int tag = ElementDictionary.tagOf(keyword);
    if (tag == -1) {
      throw new IllegalArgumentException("not a PS3.6 keyword: " + keyword);
    }
    return tag;
  }

  SampleDataSet text(int tag, VR vr, String value) {
    elements.put(tag, new Text(vr, value));
    return this;
  }

  SampleDataSet us(int tag, int... values) {
    long[] v = new long[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i];
    }
    elements.put(tag, new Numbers(VR.US, v));
    return this;
  }

  SampleDataSet ul(int tag, long value) {
    elements.put(tag, new Numbers(VR.UL, new long[] {value}));
    return this;
  }

  SampleDataSet sequence(int tag, SampleDataSet... items) {
    elements.put(tag, new Items(new ArrayList<>(List.of(items))));
    return this;
  }

  /** Writes the elements (not Pixel Data, which the caller appends) in the current encoding. */
  void write(DicomWriter w, boolean bigEndian, SpecificCharacterSet cs) throws IOException {
    for (Map.Entry<Integer, Value> e : elements.entrySet()) {
      int tag = e.getKey();
      Value value = e.getValue();
      if (value instanceof Text t) {
        w.writeElement(tag, t.vr(), cs.encode(t.value(), t.vr()));
      } else if (value instanceof Numbers n) {
        w.writeElement(tag, n.vr(), numbers(n, bigEndian));
      } else if (value instanceof Items s) {
        w.startSequence(tag);
        for (SampleDataSet item : s.items()) {
          w.startItem();
          item.write(w, bigEndian, cs);
          w.endItem();
        }
        w.endSequence();
      }
    }
  }

  private static byte[] numbers(Numbers n, boolean bigEndian) {
    int unit = n.vr().unitSize();
    ByteBuffer b =
        ByteBuffer.allocate(unit * n.values().length)
            .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (long v : n.values()) {
      if (unit == 2) {
        b.putShort((short) v);
      } else {
        b.putInt((int) v);
      }
    }
    return b.array();
  }
}
