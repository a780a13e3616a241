package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A root filesystem staged in a host directory, to be tarred and given to {@code podman import}.
 * Paths are image paths ("/opt/odo-init/bin/run"); they are resolved inside the staging dir.
 */
final class Rootfs implements AutoCloseable {

  private final Path root;
  private final List<Path> fromHost = new ArrayList<>();

  Rootfs(Path root) {
    this.root = root;
  }

  static Rootfs createTemp() throws IOException {
    return new Rootfs(Files.createTempDirectory("deckhand-rootfs-"));
  }

  Path root() {
    return root;
  }

  /** The host path of an image path. */
  Path resolve(String imagePath) {
    String relative = imagePath.replaceFirst("^/+", "");
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("path escapes the rootfs: " + imagePath);
    }
    return p;
  }

  Rootfs dir(String imagePath, String mode) throws IOException {
    Path p = resolve(imagePath);
    Files.createDirectories(p);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    return this;
  }

  /** A world-writable dir with the sticky bit (/tmp), which Java's permission API cannot set. */
  Rootfs stickyDir(String imagePath) throws IOException {
    Path p = resolve(imagePath);
    Files.createDirectories(p);
    HostTools.run("chmod", "1777", p.toString());
    return this;
  }

  Rootfs file(String imagePath, InputStream content, String mode) throws IOException {
    Path p = resolve(imagePath);
    Files.createDirectories(p.getParent());
    Files.copy(content, p, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    return this;
  }

  Rootfs file(String imagePath, String content, String mode) throws IOException {
    Path p = resolve(imagePath);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    return this;
  }

  /** Copies a host file's content (symlinks followed) to an image path, keeping its mode. */
  Rootfs copy(Path hostFile, String imagePath) throws IOException {
    Path p = resolve(imagePath);
    Files.createDirectories(p.getParent());
    Files.copy(
        hostFile, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    return this;
  }

  /** Copies a host directory tree; symlinks inside it stay symlinks. */
  Rootfs copyTree(Path hostDir, String imagePath) throws IOException {
    Path target = resolve(imagePath);
    Files.createDirectories(target);
    Files.walkFileTree(
        hostDir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path t = target.resolve(hostDir.relativize(dir).toString());
            Files.createDirectories(t);
            Files.setPosixFilePermissions(t, Files.getPosixFilePermissions(dir));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path t = target.resolve(hostDir.relativize(file).toString());
            if (attrs.isSymbolicLink()) {
              Files.createSymbolicLink(t, Files.readSymbolicLink(file));
            } else {
              Files.copy(file, t, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return this;
  }

  /**
   * Puts a host file or tree into the image at the same path without copying it into the staging
   * dir: tar reads it straight from the host. Copying node (100 MB) and npm (2,400 files) first
   * cost seconds. The path must be the real path (no symlink in it) and its parent must be staged.
   */
  Rootfs includeFromHost(Path hostPath) throws IOException {
    if (!hostPath.isAbsolute() || !hostPath.toRealPath().equals(hostPath)) {
      throw new IllegalArgumentException("not a real absolute path: " + hostPath);
    }
    Files.createDirectories(resolve(hostPath.getParent().toString()));
    fromHost.add(hostPath);
    return this;
  }

  /** Host paths added with {@link #includeFromHost}, in order. */
  List<Path> fromHost() {
    return List.copyOf(fromHost);
  }

  Rootfs symlink(String imagePath, String target) throws IOException {
    Path p = resolve(imagePath);
    Files.createDirectories(p.getParent());
    Files.deleteIfExists(p);
    Files.createSymbolicLink(p, Path.of(target));
    return this;
  }

  /** Deletes the staging directory. */
  @Override
  public void close() throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
