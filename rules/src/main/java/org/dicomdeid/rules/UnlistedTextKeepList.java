package org.dicomdeid.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dicomdeid.dicom.ElementDictionary;

/**
 * The reviewed keep-list of public attributes that PS3.15 Table E.1-1 does not list, whose VR can
 * carry free text, and that are kept anyway (resource {@code unlisted-text-keep.csv}: tag, keyword,
 * reason). Everything else of those VRs that the table does not list is removed.
 */
final class UnlistedTextKeepList {
  static final String RESOURCE = "unlisted-text-keep.csv";

  /** One row: the tag, its PS3.6 keyword and why it is kept. */
  record Row(int tag, String keyword, String reason) {}

  private static final class Holder {
    static final Map<Integer, Row> ROWS = load();
  }

  private UnlistedTextKeepList() {}

  static boolean contains(int tag) {
    return Holder.ROWS.containsKey(tag);
  }

  static Map<Integer, Row> rows() {
    return Holder.ROWS;
  }

  private static Map<Integer, Row> load() {
    Map<Integer, Row> rows = new LinkedHashMap<>();
    try (InputStream in = UnlistedTextKeepList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("tag,")) {
          continue;
        }
        String[] f = line.split(",", 3);
        int tag = Integer.parseUnsignedInt(f[0], 16);
        if (f.length < 3 || f[2].isBlank() || !ElementDictionary.keywordOf(tag).equals(f[1])) {
          throw new IllegalStateException(RESOURCE + ": bad row " + line);
        }
        rows.put(tag, new Row(tag, f[1], f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return Collections.unmodifiableMap(rows);
  }
}
