package org.dicomdeid.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dicomdeid.pipeline.DeidSettings;
import org.dicomdeid.rules.OptionChoice;

/**
 * Checks a command line before anything else is loaded: every problem at once, each with what to
 * write instead, and the arguments as Beam's parser takes them (booleans spelled true/false, a list
 * option given twice merged into one). Names this tool does not know are looked up among Beam's
 * registered options only when there are any (that lookup loads Beam, about a second).
 */
final class OptionCheck {
  /** The spellings a boolean option takes, e.g. {@code --allowBurnedIn=yes}. */
  static final Map<String, Boolean> BOOLEANS =
      Map.of(
          "true", true, "false", false, "yes", true, "no", false, "on", true, "off", false, "1",
          true, "0", false);

  /**
   * The outcome.
   *
   * @param args the arguments for Beam's parser, meaningful when there are no problems
   * @param problems one sentence per problem, in the order of the command line
   */
  record Checked(List<String> args, List<String> problems) {}

  private final Map<CliOption, List<String>> given = new EnumMap<>(CliOption.class);
  private final List<String> others = new ArrayList<>();
  private final Set<String> unknown = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();

  private OptionCheck() {}

  static Checked check(String[] args) {
    OptionCheck c = new OptionCheck();
    c.read(args);
    List<String> out = c.values();
    c.required();
    c.unknownNames();
    return new Checked(List.copyOf(out), List.copyOf(c.problems));
  }

  private void read(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.length() == 2) {
        problems.add(
            "'"
                + a
                + "' is not an option: options are written --name=value "
                + "(two dashes, no space around =)");
        continue;
      }
      int eq = a.indexOf('=');
      String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
      String value = eq < 0 ? null : a.substring(eq + 1);
      Optional<CliOption> known = CliOption.named(name);
      if (known.isEmpty()) {
        unknown.add(name);
        others.add(a);
        continue;
      }
      CliOption o = known.get();
      String next = i + 1 < args.length ? args[i + 1] : null;
      boolean nextIsValue =
          next != null
              && !next.startsWith("--")
              && (o.kind != CliOption.Kind.BOOLEAN || BOOLEANS.containsKey(lower(next)));
      if (value == null && nextIsValue) {
        problems.add(
            "--" + name + " " + next + ": write --" + name + "=" + next + " (with = and no space)");
        given.computeIfAbsent(o, k -> new ArrayList<>()).add(next);
        i++;
      } else if (value == null && o.kind != CliOption.Kind.BOOLEAN) {
        problems.add("--" + name + " needs a value, e.g. " + o.example);
      } else {
        given.computeIfAbsent(o, k -> new ArrayList<>()).add(value == null ? "true" : value);
      }
    }
  }

  /** Each option's value checked and merged; returns Beam's arguments. */
  private List<String> values() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<CliOption, List<String>> e : given.entrySet()) {
      CliOption o = e.getKey();
      String value = merged(o, e.getValue());
      if (value == null) {
        continue;
      }
      String problem = problem(o, value);
      if (problem != null) {
        problems.add(problem);
      } else {
        out.add(
            "--"
                + o.name
                + "="
                + (o.kind == CliOption.Kind.BOOLEAN ? BOOLEANS.get(lower(value)) : value));
      }
    }
    out.addAll(others);
    return out;
  }

  private String merged(CliOption o, List<String> values) {
    if (o.kind == CliOption.Kind.LIST) {
      return String.join(",", values);
    }
    if (new LinkedHashSet<>(values).size() > 1) {
      problems.add(
          "--"
              + o.name
              + " is given "
              + values.size()
              + " times ("
              + String.join(", ", values)
              + "): give it once"
              + (o == CliOption.OPTIONS ? "" : ", e.g. " + o.example));
      return null;
    }
    return values.get(0);
  }

  /** What is wrong with one option's value, or null. */
  static String problem(CliOption o, String value) {
    String v = value.strip();
    switch (o.kind) {
      case BOOLEAN:
        return BOOLEANS.containsKey(lower(v))
            ? null
            : "--"
                + o.name
                + "="
                + value
                + ": write --"
                + o.name
                + "=true or --"
                + o.name
                + "=false (yes/no, on/off and 1/0 "
                + "are taken too; --"
                + o.name
                + " alone means true)";
      case NUMBER:
        try {
          Integer.parseInt(v);
        } catch (NumberFormatException e) {
          return "--" + o.name + "=" + value + ": write a whole number, e.g. " + o.example;
        }
        return o == CliOption.SUBJECT_DIGITS
            ? DeidSettings.digitsProblem(Integer.parseInt(v))
            : null;
      case PATH:
        return v.isEmpty() ? "--" + o.name + " is empty: write a path, e.g. " + o.example : null;
      case LIST:
        return o == CliOption.OPTIONS ? profileProblem(v) : null;
      default:
        return o == CliOption.SUBJECT_PREFIX ? DeidSettings.prefixProblem(v) : null;
    }
  }

  /** The problem with the --options list, or null. */
  static String profileProblem(String list) {
    try {
      OptionChoice.parse(list).config(new byte[32]);
      return null;
    } catch (IllegalArgumentException e) {
      return "--options: " + e.getMessage();
    }
  }

  private void required() {
    if (!given.containsKey(CliOption.INPUT)) {
      return; // the sample run fills in what is missing
    }
    for (CliOption o : CliOption.values()) {
      if (o.requiredWithInput() && !given.containsKey(o)) {
        String what = o.description().replaceAll("\\.$", "");
        problems.add(
            "--"
                + o.name
                + " is required with --input: "
                + lowerFirst(what)
                + "; e.g. "
                + o.example);
      }
    }
  }

  private void unknownNames() {
    if (unknown.isEmpty()) {
      return;
    }
    Set<String> beam = BeamOptionNames.all();
    for (String name : unknown) {
      if (!beam.contains(name)) {
        problems.add(
            "--"
                + name
                + " is not an option"
                + suggestion(name)
                + " (--help lists this tool's options, --help=beam Beam's)");
      }
    }
  }

  private static String suggestion(String name) {
    String best = null;
    int bestDistance = 4;
    for (CliOption o : CliOption.values()) {
      int d = o.name.equalsIgnoreCase(name) ? 0 : distance(lower(o.name), lower(name));
      if (d < bestDistance) {
        best = o.name;
        bestDistance = d;
      }
    }
    return best == null ? "" : ": did you mean --" + best + "?";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
