package org.dicomdeid.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded {@code .zip} into the upload folder, safely: every entry name is checked like
 * a browser's relative path (no absolute path, drive, backslash, {@code ..}), so nothing lands
 * outside the folder; only regular files are written (directories are implied, links are not made);
 * and the sizes are counted as the bytes come out, not taken from the zip's headers: at most
 * {@value #MAX_ENTRIES} files, {@value #MAX_GIB} GiB unpacked in all, no more than the disk has
 * free less 1 GiB, and no entry larger than {@value #MAX_RATIO} times its compressed size (DICOM
 * compresses 2-4 times; a zip bomb thousands of times). A zip that breaks a rule is refused whole
 * with the reason, and what it had unpacked is removed with the upload.
 */
final class ZipUpload {
  static final int MAX_ENTRIES = 200_000;
  static final int MAX_GIB = 64;
  static final int MAX_RATIO = 100;
  private static final long MAX_BYTES = (long) MAX_GIB << 30;
  private static final long DISK_RESERVE = 1L << 30;

  private ZipUpload() {}

  /** Unpacks {@code zip} under {@code into}; returns the number of files written. */
  static int unpack(Path zip, Path into) throws IOException {
    long total = 0;
    int files = 0;
    try (ZipFile z = new ZipFile(zip.toFile())) {
      if (z.size() > MAX_ENTRIES) {
        throw new IllegalArgumentException(
            "the zip holds more than " + MAX_ENTRIES + " entries: split it");
      }
      long free = Files.getFileStore(into).getUsableSpace() - DISK_RESERVE;
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        Path target = into.resolve(zipPath(entry.getName())).normalize();
        if (!target.startsWith(into)) {
          throw new IllegalArgumentException("the zip holds a path that leaves its folder");
        }
        long limit = Math.min(MAX_BYTES - total, free - total);
        total += copy(z, entry, target, limit);
        files++;
      }
    } catch (ZipException e) {
      throw new IllegalArgumentException("the zip could not be read (" + e.getMessage() + ")");
    }
    return files;
  }

  /** An entry's name as a relative path, or IllegalArgumentException saying why not. */
  private static String zipPath(String name) {
    try {
      return Staging.relative(name.startsWith("./") ? name.substring(2) : name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the zip holds an unsafe file name (" + e.getMessage() + "): not unpacked");
    }
  }

  private static long copy(ZipFile z, ZipEntry entry, Path target, long limit) throws IOException {
    long compressed = Math.max(entry.getCompressedSize(), 1);
    long cap = Math.min(limit, MAX_RATIO * compressed);
    Staging.createOwnerOnly(target);
    long n = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = z.getInputStream(entry);
        OutputStream out = Files.newOutputStream(target)) {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        n += r;
        if (n > cap) {
          throw new IllegalArgumentException(
              n > limit
                  ? "the zip unpacks to more than "
                      + MAX_GIB
                      + " GiB or more than the disk has free"
                  : "the zip holds a file that unpacks to more than "
                      + MAX_RATIO
                      + " times its compressed size (a zip bomb?): not unpacked");
        }
        out.write(buf, 0, r);
      }
    }
    return n;
  }
}
