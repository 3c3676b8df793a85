package org.dicomdeid.transforms;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * File names are bytes; the JVM turns them into strings with its file-name encoding ({@code
 * sun.jnu.encoding}, from the locale), and paths travel through the pipeline as those strings.
 * Under ISO-8859-1 (what the run scripts launch Java with) every byte is one char, so any name
 * round-trips; under UTF-8 or ASCII a name that is not valid in that encoding cannot be opened by
 * its string ({@link #representable}).
 *
 * <p>The report shows each path in a reversible text form: the name's bytes decoded as UTF-8, with
 * every byte that is not part of valid UTF-8, every control character (C0, DEL, C1) and {@code %}
 * itself written as {@code %XX} (upper-case hex of the byte). {@link #bytes(String)} undoes it
 * exactly; {@code main} turns report cells back into paths.
 */
public final class FileNames {
  private static final Charset JNU = jnuCharset();

  private FileNames() {}

  /** The JVM's file-name encoding. */
  public static Charset jnu() {
    return JNU;
  }

  /** Whether this JVM can name every byte string (its file-name encoding maps every byte). */
  public static boolean everyNameReadable() {
    return JNU.equals(StandardCharsets.ISO_8859_1);
  }

  /** The report's form of a path string as the JVM holds it. */
  public static String display(String path) {
    return display(path.getBytes(JNU));
  }

  /** The report's form of a file name's bytes. */
  public static String display(byte[] b) {
    StringBuilder s = new StringBuilder(b.length + 8);
    int i = 0;
    while (i < b.length) {
      int n = utf8Length(b, i);
      if (n == 0) {
        percent(s, b[i]);
        i++;
        continue;
      }
      int cp = new String(b, i, n, StandardCharsets.UTF_8).codePointAt(0);
      if (cp < 0x20 || cp == '%' || (cp >= 0x7F && cp <= 0x9F)) {
        for (int k = 0; k < n; k++) {
          percent(s, b[i + k]);
        }
      } else {
        s.appendCodePoint(cp);
      }
      i += n;
    }
    return s.toString();
  }

  /** The bytes of the name a report cell shows: the inverse of {@link #display(byte[])}. */
  public static byte[] bytes(String display) {
    byte[] utf8 = display.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '%') {
        if (i + 2 >= utf8.length) {
          throw new IllegalArgumentException("'%' without two hex digits at " + i);
        }
        out.write(Integer.parseInt(new String(utf8, i + 1, 2, StandardCharsets.US_ASCII), 16));
        i += 2;
      } else {
        out.write(utf8[i]);
      }
    }
    return out.toByteArray();
  }

  /** The path string this JVM uses for a report cell (lossless under ISO-8859-1). */
  public static String path(String display) {
    return new String(bytes(display), JNU);
  }

  /**
   * The JVM's string for the file name whose bytes are {@code text} in UTF-8 (a name typed or
   * uploaded in a browser): under ISO-8859-1 one char per byte, else the text itself.
   */
  public static String ofText(String text) {
    return everyNameReadable() ? new String(text.getBytes(StandardCharsets.UTF_8), JNU) : text;
  }

  /** Whether the JVM's string for a name gives back the same bytes (false: it cannot be opened). */
  public static boolean representable(byte[] name) {
    return Arrays.equals(new String(name, JNU).getBytes(JNU), name);
  }

  /** The length of a valid, shortest-form UTF-8 sequence at b[i], or 0 if there is none. */
  private static int utf8Length(byte[] b, int i) {
    int c = b[i] & 0xff;
    int n;
    int min;
    if (c < 0x80) {
      return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      min = 0x10000;
    } else {
      return 0;
    }
    if (i + n > b.length) {
      return 0;
    }
    int cp = c & (0xFF >> (n + 1));
    for (int k = 1; k < n; k++) {
      int d = b[i + k] & 0xff;
      if ((d & 0xC0) != 0x80) {
        return 0;
      }
      cp = (cp << 6) | (d & 0x3F);
    }
    boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    return cp < min || cp > 0x10FFFF || surrogate ? 0 : n;
  }

  private static void percent(StringBuilder s, byte b) {
    s.append('%')
        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
  }

  private static Charset jnuCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }

  /**
   * Reads report cells, one per line (UTF-8, as the report holds them), from standard input and
   * writes the real path of each as raw bytes followed by a NUL byte (names may hold newlines):
   * {@code ... | java -cp <jar> org.dicomdeid.transforms.FileNames | xargs -0 ls -l}.
   */
  public static void main(String[] args) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    OutputStream out = new BufferedOutputStream(System.out);
    for (String cell = in.readLine(); cell != null; cell = in.readLine()) {
      out.write(bytes(cell));
      out.write(0);
    }
    out.flush();
  }
}
