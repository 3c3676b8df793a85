package org.dicomdeid.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dicomdeid.dicom.Tags;

/**
 * PS3.15 Table E.1-1, Application Level Confidentiality Profile Attributes, loaded from the
 * resource {@code ps3.15-e1-1.csv} (see {@code PROFILE-EDITION.txt} beside it for the edition).
 * Immutable and thread-safe; {@link #standard()} loads it once.
 *
 * <h2>Matching a tag</h2>
 *
 * In this order: an exact row; a repeating-group row ({@code 50xxxxxx} Curve Data, {@code 60xx3000}
 * Overlay Data, {@code 60xx4000} Overlay Comments), which matches only the even groups xx = 00 to
 * 1E (PS3.5 7.6); the Private Attributes row, which matches every odd group ({@link
 * Tags#isPrivate}, PS3.5 7.8.1). Table E.1-1 is "subject to extension": attributes it does not list
 * (dates and times by VR, non-registered UIDs) are the engine's concern, not this class's.
 *
 * <h2>Precedence of actions</h2>
 *
 * For a row and a set of selected options (BASIC in the set is ignored; it is always applied):
 *
 * <ol>
 *   <li>If no selected option has an action in its column for this row, the Basic Profile action
 *       applies, resolved by {@link Action#resolve()}.
 *   <li>Otherwise an option's action replaces the basic one (PS3.15 E.3: an Option modifies the
 *       Basic Profile for the attributes it lists).
 *   <li>If RETAIN_LONG_MODIFIED_DATES is selected and RETAIN_LONG_FULL_DATES is not, and the row's
 *       modified-dates action is C (shift the date or time, PS3.15 E.3.6), then C wins, even over a
 *       K from another option: one original date left among shifted ones would reveal the shift.
 *       This decides the calibration and manufacture dates that RETAIN_DEVICE_IDENTITY keeps.
 *   <li>Otherwise, among the selected options' actions for the row, the one that retains most wins:
 *       K, then C, then U, D, Z, X. So RETAIN_LONG_FULL_DATES (K) beats RETAIN_LONG_MODIFIED_DATES
 *       (C) when both are selected.
 * </ol>
 */
public final class Profile {
  /** The classpath resource, relative to this class. */
  public static final String RESOURCE = "ps3.15-e1-1.csv";

  private static final String ROWS_COMMENT = "# rows:";

  /** Most retaining first; see the class comment, rule 4. */
  private static final List<Action> RETAIN_ORDER =
      List.of(Action.K, Action.C, Action.U, Action.D, Action.Z, Action.X);

  private final List<ProfileEntry> entries;
  private final Map<Integer, ProfileEntry> exact;
  private final List<RepeatingRow> repeating;
  private final ProfileEntry privateRow;

  private record RepeatingRow(int mask, int value, ProfileEntry entry) {
    boolean matches(int tag) {
      if ((tag & mask) != value) {
        return false;
      }
      if ((mask & 0x00FF0000) == 0) { // xx in the group: even groups 00-1E only, PS3.5 7.6
        int low = Tags.group(tag) & 0xFF;
        return (low & 1) == 0 && low <= 0x1E;
      }
      return true;
    }
  }

  private Profile(List<ProfileEntry> entries) {
    Map<Integer, ProfileEntry> exactRows = new HashMap<>();
    List<RepeatingRow> repeatingRows = new ArrayList<>();
    Map<String, ProfileEntry> byPattern = new HashMap<>();
    ProfileEntry privateEntry = null;
    for (ProfileEntry e : entries) {
      ProfileEntry previous = byPattern.putIfAbsent(e.tag(), e);
      if (previous != null) {
        throw new IllegalStateException(
            "Table E.1-1 lists " + e.tag() + " twice (" + previous.name() + ", " + e.name() + ")");
      }
      if (e.tag().equals("odd-group")) {
        privateEntry = e;
      } else if (e.tag().matches("[0-9A-F]{8}")) {
        exactRows.put(Integer.parseUnsignedInt(e.tag(), 16), e);
      } else if (e.tag().matches("[0-9A-Fx]{8}")) {
        int mask = 0;
        int value = 0;
        for (char c : e.tag().toCharArray()) {
          mask = (mask << 4) | (c == 'x' ? 0 : 0xF);
          value = (value << 4) | (c == 'x' ? 0 : Character.digit(c, 16));
        }
        repeatingRows.add(new RepeatingRow(mask, value, e));
      } else {
        throw new IllegalStateException("Unrecognised tag in Table E.1-1: " + e.tag());
      }
    }
    for (int tag : exactRows.keySet()) {
      for (RepeatingRow r : repeatingRows) {
        if (r.matches(tag)) {
          throw new IllegalStateException(
              "Table E.1-1 row " + Tags.toString(tag) + " overlaps " + r.entry().tag());
        }
      }
      if (privateEntry != null && Tags.isPrivate(tag)) {
        throw new IllegalStateException(
            "Table E.1-1 row " + Tags.toString(tag) + " overlaps the private attributes row");
      }
    }
    this.entries = List.copyOf(entries);
    this.exact = Map.copyOf(exactRows);
    this.repeating = List.copyOf(repeatingRows);
    this.privateRow = privateEntry;
  }

  private static final class Holder {
    static final Profile STANDARD = loadResource();
  }

  /** The table shipped with the project, loaded on first use. */
  public static Profile standard() {
    return Holder.STANDARD;
  }

  /** Number of rows in the table (621 for the pinned edition). */
  public int size() {
    return entries.size();
  }

  /** All rows, in table order. */
  public List<ProfileEntry> entries() {
    return entries;
  }

  /** The row that governs this tag, or null when the table does not list it. */
  public ProfileEntry entryFor(int tag) {
    ProfileEntry e = exact.get(tag);
    if (e != null) {
      return e;
    }
    for (RepeatingRow r : repeating) {
      if (r.matches(tag)) {
        return r.entry();
      }
    }
    return privateRow != null && Tags.isPrivate(tag) ? privateRow : null;
  }

  /**
   * The single action to apply to this tag with these options selected, following the precedence
   * rules of the class comment; null when the table does not list the tag.
   */
  public Action actionFor(int tag, Set<ProfileOption> options) {
    ProfileEntry e = entryFor(tag);
    return e == null ? null : actionFor(e, options);
  }

  /** The precedence rules of the class comment, for one row. */
  static Action actionFor(ProfileEntry e, Set<ProfileOption> options) {
    if (options.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES)
        && !options.contains(ProfileOption.RETAIN_LONG_FULL_DATES)
        && e.optionAction(ProfileOption.RETAIN_LONG_MODIFIED_DATES) == Action.C) {
      return Action.C;
    }
    Action best = null;
    for (ProfileOption o : options) {
      Action a = o == ProfileOption.BASIC ? null : e.optionAction(o);
      if (a != null) {
        a = a.resolve();
        if (best == null || RETAIN_ORDER.indexOf(a) < RETAIN_ORDER.indexOf(best)) {
          best = a;
        }
      }
    }
    return best != null ? best : e.basic().resolve();
  }

  /**
   * The exactly-listed tags whose Basic Profile code is this one (unresolved: {@code X_Z} gives the
   * X/Z rows). Pattern rows are not included.
   */
  public Set<Integer> tagsWithBasic(Action basic) {
    Set<Integer> tags = new LinkedHashSet<>();
    for (ProfileEntry e : entries) {
      if (e.basic() == basic && e.tag().matches("[0-9A-F]{8}")) {
        tags.add(Integer.parseUnsignedInt(e.tag(), 16));
      }
    }
    return Collections.unmodifiableSet(tags);
  }

  private static Profile loadResource() {
    try (InputStream in = Profile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      return load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses a table in the resource format: {@code #} comment lines (one may be {@code # rows: N},
   * which is then checked), a header {@code tag,name,basic,<option columns>}, one row per
   * attribute. Fails on unknown codes, missing columns, duplicate or overlapping tags.
   */
  static Profile load(Reader reader) throws IOException {
    String text;
    try (BufferedReader r = new BufferedReader(reader)) {
      text = r.lines().collect(Collectors.joining("\n", "", "\n"));
    }
    int expectedRows = -1;
    for (String line : text.split("\n")) {
      if (line.startsWith(ROWS_COMMENT)) {
        expectedRows = Integer.parseInt(line.substring(ROWS_COMMENT.length()).trim());
      }
    }
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();
    List<ProfileEntry> entries = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = parser.getHeaderNames();
      for (ProfileOption o : ProfileOption.values()) {
        if (!header.contains(o.column())) {
          throw new IllegalStateException("Table E.1-1 resource lacks column " + o.column());
        }
      }
      for (CSVRecord rec : parser) {
        Map<ProfileOption, Action> opts = new EnumMap<>(ProfileOption.class);
        for (ProfileOption o : ProfileOption.values()) {
          String cell = rec.get(o.column()).trim();
          if (o.selectable() && !cell.isEmpty()) {
            opts.put(o, Action.parse(cell));
          }
        }
        entries.add(
            new ProfileEntry(
                rec.get("tag").trim(), rec.get("name"), Action.parse(rec.get("basic")), opts));
      }
    }
    if (expectedRows >= 0 && entries.size() != expectedRows) {
      throw new IllegalStateException(
          "Table E.1-1 resource declares " + expectedRows + " rows, has " + entries.size());
    }
    return new Profile(entries);
  }
}
