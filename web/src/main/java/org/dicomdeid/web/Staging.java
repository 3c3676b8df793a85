package org.dicomdeid.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dicomdeid.transforms.FileNames;

/**
 * The folder a browser upload is staged in: private (0700, files 0600), in the system's temporary
 * folder, deleted after the run that reads it, on a new upload and on shutdown. Names are the
 * browser's relative paths, checked so that none can leave the folder.
 */
final class Staging {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
  private Path dir;
  private int files;

  /** Starts a new, empty upload (the previous one, if any, is deleted). */
  synchronized void reset() throws IOException {
    delete();
    dir =
        Files.createTempDirectory(
            "dicom-deid-upload-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    files = 0;
  }

  /** Writes one uploaded file under its relative name. */
  synchronized void add(String name, InputStream body) throws IOException {
    if (dir == null) {
      reset();
    }
    Path target = dir.resolve(FileNames.ofText(relative(name))).normalize();
    if (!target.startsWith(dir) || target.equals(dir)) {
      throw new IllegalArgumentException("file name leaves the upload folder");
    }
    createOwnerOnly(target);
    try (OutputStream out = Files.newOutputStream(target)) {
      body.transferTo(out);
    }
    files++;
  }

  /** Creates an empty file 0600 (and its folders); a name uploaded twice is refused. */
  static void createOwnerOnly(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.createFile(
          target,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException("the same file name was uploaded twice");
    }
  }

  /**
   * Unpacks one uploaded zip ({@link ZipUpload}) into a folder named after it, so two zips never
   * collide; a zip refused for a rule leaves nothing of itself behind.
   */
  synchronized void addZip(String name, InputStream body) throws IOException {
    if (dir == null) {
      reset();
    }
    String folder = relative(name).replaceAll("(?i)\\.zip$", "");
    Path into = dir.resolve(folder).normalize();
    if (!into.startsWith(dir) || into.equals(dir) || Files.exists(into)) {
      throw new IllegalArgumentException("the same zip name was uploaded twice");
    }
    Path zip = Files.createTempFile(dir, ".upload-", ".zip.part");
    try {
      try (OutputStream out = Files.newOutputStream(zip)) {
        body.transferTo(out);
      }
      Files.createDirectories(into);
      files += ZipUpload.unpack(zip, into);
    } catch (IOException | RuntimeException e) {
      deleteTree(into);
      throw e;
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  /**
   * A browser's relative path ({@code folder/sub/file.dcm}) as a relative path, or
   * IllegalArgumentException: no absolute path, drive, backslash, NUL, empty, {@code .} or {@code
   * ..} segment.
   */
  static String relative(String name) {
    if (name == null || name.isEmpty() || name.length() > 4096) {
      throw new IllegalArgumentException("a file name is required (at most 4096 characters)");
    }
    if (name.startsWith("/")
        || name.indexOf('\\') >= 0
        || name.indexOf('\0') >= 0
        || DRIVE.matcher(name).matches()) {
      throw new IllegalArgumentException("file names must be relative paths with / separators");
    }
    for (String seg : name.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        throw new IllegalArgumentException("file names may not hold empty, . or .. segments");
      }
    }
    return name;
  }

  synchronized int files() {
    return files;
  }

  /** The folder of the current upload, or null when nothing is staged. */
  synchronized Path folder() {
    return files == 0 ? null : dir;
  }

  /** Deletes the staged files; safe to call twice. */
  synchronized void delete() throws IOException {
    if (dir != null) {
      deleteTree(dir);
    }
    dir = null;
    files = 0;
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
