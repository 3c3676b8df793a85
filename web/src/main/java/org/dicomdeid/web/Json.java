package org.dicomdeid.web;

import java.util.Collection;
import java.util.Map;

/** A small JSON writer for the page's answers: strings, numbers, booleans, null, lists, maps. */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    append(b, value);
    return b.toString();
  }

  private static void append(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(sep);
        quote(b, String.valueOf(e.getKey()));
        b.append(':');
        append(b, e.getValue());
        sep = ",";
      }
      b.append('}');
    } else if (v instanceof Collection<?> c) {
      b.append('[');
      String sep = "";
      for (Object o : c) {
        b.append(sep);
        append(b, o);
        sep = ",";
      }
      b.append(']');
    } else {
      quote(b, v.toString());
    }
  }

  /** RFC 8259 section 7; also escapes {@code <} so a value can never close a script tag. */
  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
