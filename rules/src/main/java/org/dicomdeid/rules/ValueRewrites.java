package org.dicomdeid.rules;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicomdeid.dicom.VR;
import org.dicomdeid.dicom.Values;

/** The value-level rewrites: dummies (D), keyed UIDs (U) and date shifts (C under 113107). */
final class ValueRewrites {
  /** Registered DICOM UIDs (PS3.6 Annex A) are not identifying and are never replaced. */
  static final String DICOM_UID_ROOT = "1.2.840.10008.";

  private static final String DUMMY_TEXT = "DEIDENTIFIED";

  private ValueRewrites() {}

  /** A dummy value of the VR for action D (PS3.15 E.1.1: non-zero length, consistent with VR). */
  static byte[] dummy(VR vr) {
    switch (vr) {
      case AS:
        return ascii("000D", vr);
      case DA:
        return ascii("19000101", vr);
      case DT:
        return ascii("19000101000000", vr);
      case TM:
        return ascii("000000", vr);
      case DS:
      case IS:
        return ascii("0", vr);
      case UR:
        return ascii("urn:uuid:00000000-0000-0000-0000-000000000000", vr);
      case AE:
      case CS:
      case LO:
      case LT:
      case PN:
      case SH:
      case ST:
      case UC:
      case UT:
        return ascii(DUMMY_TEXT, vr);
      default:
        int n = Math.max(vr.unitSize(), 2);
        return new byte[n + (n & 1)];
    }
  }

  private static byte[] ascii(String s, VR vr) {
    return Values.ascii(s, vr);
  }

  /** Each UID of a multi-valued UI that is not a registered DICOM UID becomes its keyed UID. */
  static byte[] uids(byte[] value, Keyed keyed) {
    List<String> out = new ArrayList<>();
    for (String uid : Values.strings(value)) {
      out.add(uid.isEmpty() || uid.startsWith(DICOM_UID_ROOT) ? uid : keyed.uid(uid));
    }
    return Values.ascii(String.join("\\", out), VR.UI);
  }

  /**
   * Shifts every DA (YYYYMMDD, also ranges A-B) or the date part of every DT by {@code days}. A
   * value that is not a valid date cannot be shifted safely and is emptied.
   */
  static byte[] shiftDates(byte[] value, VR vr, int days) {
    List<String> out = new ArrayList<>();
    for (String v : Values.strings(value)) {
      if (v.isEmpty()) {
        out.add(v);
        continue;
      }
      String shifted = vr == VR.DT ? shiftDateTime(v, days) : shiftDateOrRange(v, days);
      if (shifted == null) {
        return new byte[0];
      }
      out.add(shifted);
    }
    return Values.ascii(String.join("\\", out), vr);
  }

  private static String shiftDateOrRange(String v, int days) {
    int dash = v.indexOf('-');
    if (dash >= 0) {
      String a = v.substring(0, dash);
      String b = v.substring(dash + 1);
      String sa = a.isEmpty() ? "" : shiftDate(a, days);
      String sb = b.isEmpty() ? "" : shiftDate(b, days);
      return sa == null || sb == null ? null : sa + "-" + sb;
    }
    return shiftDate(v, days);
  }

  /** Shifts a YYYYMMDD date (or the retired YYYY.MM.DD form); null when it is not a date. */
  static String shiftDate(String v, int days) {
    String s = v.replace(".", "");
    if (!s.matches("\\d{8}")) {
      return null;
    }
    try {
      return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE)
          .plusDays(days)
          .format(DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** PS3.5 6.2 DT, with an optional UTC offset. */
  private static final Pattern DATE_TIME =
      Pattern.compile("(\\d{8})(\\d{0,6}(?:\\.\\d{1,6})?)([+-]\\d{4}(?![0-9]))?");

  /**
   * Shifts a DT value or a DT range (PS3.4 C.2.2.2.5: {@code A-B}, {@code -B}, {@code A-}): each
   * side's date part moves; a value whose date is shorter than YYYYMMDD cannot be shifted by days
   * without revealing it, and gives null.
   */
  private static String shiftDateTime(String v, int days) {
    Matcher m = DATE_TIME.matcher(v);
    StringBuilder out = new StringBuilder();
    int at = 0;
    int sides = 0;
    while (at < v.length()) {
      if (v.charAt(at) == '-' && (at == 0 || sides == 1)) {
        out.append('-');
        at++;
        continue;
      }
      if (!m.find(at) || m.start() != at || ++sides > 2) {
        return null;
      }
      String date = shiftDate(m.group(1), days);
      if (date == null) {
        return null;
      }
      out.append(date).append(m.group(2)).append(m.group(3) == null ? "" : m.group(3));
      at = m.end();
    }
    return out.toString();
  }

  /**
   * Whether a value of a date, time, number or age VR uses only its VR's characters (PS3.5 6.2), so
   * that no text can hide in a value that is kept. Other VRs: true.
   */
  static boolean plausible(VR vr, byte[] value) {
    String allowed;
    switch (vr) {
      case DA:
        allowed = "0123456789.-";
        break;
      case DT:
        allowed = "0123456789.+-";
        break;
      case TM:
        allowed = "0123456789.:-";
        break;
      case DS:
        allowed = "0123456789+-Ee.";
        break;
      case IS:
        allowed = "0123456789+-";
        break;
      case AS:
        allowed = "0123456789DWMY";
        break;
      default:
        return true;
    }
    for (byte b : value) {
      if (b != ' ' && b != '\\' && b != 0 && allowed.indexOf(b) < 0) {
        return false;
      }
    }
    return true;
  }

  static String decode(byte[] value) {
    return new String(value, StandardCharsets.ISO_8859_1);
  }
}
