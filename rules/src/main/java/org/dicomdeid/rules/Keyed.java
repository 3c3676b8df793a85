package org.dicomdeid.rules;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The project's keyed one-way functions: HMAC-SHA256 of a purpose label and an original value under
 * the secret key. Deterministic in every process and run, so workers agree without sharing state,
 * and nothing can be recomputed without the key.
 */
public final class Keyed {
  private final SecretKeySpec key;

  /**
   * One initialised Mac per thread: looking the algorithm up and initialising it with the key cost
   * twice the HMAC itself, and a file needs several (its UIDs). doFinal resets a Mac for the next
   * value under the same key.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public Keyed(byte[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("secret key must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** HMAC-SHA256(key, purpose || 0x00 || value). */
  public byte[] hmac(String purpose, String value) {
    Mac mac = macs.get();
    mac.update(purpose.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A replacement UID: "2.25." and the first 128 bits of the HMAC as an unsigned decimal, the form
   * PS3.5 B.2 gives for UUID-derived UIDs (at most 44 characters).
   */
  public String uid(String original) {
    byte[] h = hmac("uid", original);
    byte[] first = Arrays.copyOf(h, 16);
    return "2.25." + new BigInteger(1, first).toString();
  }

  /** A non-negative long from the HMAC, for numbers drawn per value (subject IDs). */
  public long number(String purpose, String value) {
    byte[] h = hmac(purpose, value);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (h[i] & 0xff);
    }
    return v & Long.MAX_VALUE;
  }

  /**
   * The per-subject date offset in days for the shifted-dates option (113107): between 1 and 3650
   * days into the past, from HMAC(key, MRN).
   */
  public int dateOffsetDays(String mrn) {
    return -(int) (1 + number("date-shift", mrn) % 3650);
  }

  /** A short fingerprint of the key, safe to print, to tell keys apart. */
  public String fingerprint() {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(hmac("fingerprint", ""));
      return String.format("%02x%02x%02x%02x", d[0], d[1], d[2], d[3]);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
