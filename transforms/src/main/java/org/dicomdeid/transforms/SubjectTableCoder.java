package org.dicomdeid.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * MRN -> subject, encoded in key order and decoded as a sorted map: deterministic, so runners
 * compare encodings and never need to print the map (it holds MRNs).
 */
public final class SubjectTableCoder extends AtomicCoder<Map<String, String>> {
  private static final SubjectTableCoder INSTANCE = new SubjectTableCoder();
  private static final StringUtf8Coder S = StringUtf8Coder.of();

  public static SubjectTableCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Map<String, String> table, OutputStream out) throws IOException {
    Map<String, String> sorted = new TreeMap<>(table);
    VarIntCoder.of().encode(sorted.size(), out);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      S.encode(e.getKey(), out);
      S.encode(e.getValue(), out);
    }
  }

  @Override
  public Map<String, String> decode(InputStream in) throws IOException {
    int n = VarIntCoder.of().decode(in);
    TreeMap<String, String> table = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      table.put(S.decode(in), S.decode(in));
    }
    return Collections.unmodifiableSortedMap(table);
  }

  @Override
  public void verifyDeterministic() {}
}
