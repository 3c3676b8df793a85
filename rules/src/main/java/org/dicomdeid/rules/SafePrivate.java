package org.dicomdeid.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The private attributes that the Retain Safe Private option keeps (PS3.15 E.3.10): a list of
 * (private creator, group, element offset) read from {@code safe-private.txt}. An attribute is kept
 * only when its block's creator, its group and its element's low byte are all on the list.
 */
final class SafePrivate {
  private static volatile SafePrivate standard;
  private final Set<String> entries = new HashSet<>();
  private final Set<String> creators = new HashSet<>();

  static SafePrivate standard() {
    if (standard == null) {
      synchronized (SafePrivate.class) {
        if (standard == null) {
          standard = load();
        }
      }
    }
    return standard;
  }

  private static SafePrivate load() {
    try (InputStream in = SafePrivate.class.getResourceAsStream("safe-private.txt")) {
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A list in the format of safe-private.txt (tests use their own lists). */
  static SafePrivate parse(Reader text) {
    SafePrivate s = new SafePrivate();
    try (BufferedReader r = new BufferedReader(text)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|");
        String creator = f[0].trim();
        int group = Integer.parseInt(f[1].trim(), 16);
        int offset = Integer.parseInt(f[2].trim(), 16);
        s.creators.add(key(creator, group));
        s.entries.add(key(creator, group) + "|" + offset);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s;
  }

  private static String key(String creator, int group) {
    return creator.trim() + "|" + group;
  }

  boolean isSafeCreator(String creator, int group) {
    return creators.contains(key(creator, group));
  }

  boolean isSafe(String creator, int tag) {
    return creator != null && entries.contains(key(creator, tag >>> 16) + "|" + (tag & 0xff));
  }
}
