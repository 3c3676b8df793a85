package org.dicomdeid.transforms;

import java.util.regex.Pattern;

/**
 * Glob patterns of {@code --input} as a regular expression over whole path strings, with the
 * meaning of {@code java.nio}'s "glob:" syntax: {@code *} and {@code ?} stay within one folder,
 * {@code **} crosses folders, {@code [abc]}, {@code [!a-z]}, {@code {x,y}}. Unlike a PathMatcher it
 * matches names holding newlines (any char but '/' is a name char).
 */
final class Globs {
  private Globs() {}

  static Pattern toRegex(String glob) {
    StringBuilder r = new StringBuilder();
    boolean inGroup = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            r.append(".*");
            i++;
          } else {
            r.append("[^/]*");
          }
        }
        case '?' -> r.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            r.append("\\[");
            break;
          }
          String set = glob.substring(i + 1, end);
          r.append('[');
          if (set.startsWith("!")) {
            r.append('^');
            set = set.substring(1);
          }
          r.append(set.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&")).append(']');
          i = end;
        }
        case '{' -> {
          r.append("(?:");
          inGroup = true;
        }
        case '}' -> {
          r.append(inGroup ? ")" : "\\}");
          inGroup = false;
        }
        case ',' -> r.append(inGroup ? "|" : ",");
        default -> r.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(r.toString(), Pattern.DOTALL);
  }
}
