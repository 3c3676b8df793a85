package org.dicomdeid.transforms;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dicomdeid.rules.Keyed;

/**
 * Gives each MRN a subject ID {@code <prefix><number>}, the number zero-padded to {@code digits}.
 * MRNs of the previous mapping keep their subject. New MRNs, in sorted order, draw numbers from the
 * keyed generator {@code Keyed.number("subject", mrn + ":" + attempt) mod 10^digits} until one is
 * unused: random-looking (no MRN order leaks) and the same for the same inputs, key and mapping.
 */
public final class SubjectAllocator {
  private final Keyed keyed;
  private final String prefix;
  private final int digits;
  private final long space;

  public SubjectAllocator(Keyed keyed, String prefix, int digits) {
    if (digits < 1 || digits > 18) {
      throw new IllegalArgumentException("subject digits must be between 1 and 18");
    }
    this.keyed = keyed;
    this.prefix = prefix;
    this.digits = digits;
    this.space = pow10(digits);
  }

  /**
   * MRN -> subject for every MRN of {@code previous} and of {@code mrns}.
   *
   * @throws IllegalStateException when more than half of the number space would be used
   */
  public Map<String, String> assign(Map<String, String> previous, Collection<String> mrns) {
    Map<String, String> result = new TreeMap<>(previous);
    Set<String> used = new HashSet<>(previous.values());
    Set<String> fresh = new TreeSet<>(mrns);
    fresh.removeAll(previous.keySet());
    long total = used.size() + (long) fresh.size();
    if (total > space / 2) {
      throw new IllegalStateException(
          "subject numbers: "
              + total
              + " subjects would fill more "
              + "than half of the "
              + space
              + " numbers of "
              + digits
              + " digits; raise "
              + "--subjectDigits (keep --subjectPrefix so existing subjects stay valid)");
    }
    for (String mrn : fresh) {
      for (long attempt = 0; ; attempt++) {
        long n = keyed.number("subject", mrn + ":" + attempt) % space;
        String subject = prefix + String.format("%0" + digits + "d", n);
        if (used.add(subject)) {
          result.put(mrn, subject);
          break;
        }
      }
    }
    return result;
  }

  private static long pow10(int digits) {
    long p = 1;
    for (int i = 0; i < digits; i++) {
      p *= 10;
    }
    return p;
  }
}
