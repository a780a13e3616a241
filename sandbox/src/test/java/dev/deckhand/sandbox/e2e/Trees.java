package dev.deckhand.sandbox.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tree as relative path → type, size and SHA-256 (or link target), for comparing the container's
 * copy with the local folder exactly. The container's side comes from {@code tar -c} of the folder
 * read back through an exec: names travel as bytes, whatever they contain.
 */
final class Trees {
  private Trees() {}

  static Map<String, String> inContainer(
      KubernetesClient client, String pod, String container, String dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (var w =
        client
            .pods()
            .withName(pod)
            .inContainer(container)
            .writingOutput(out)
            .writingError(err)
            .exec("tar", "-c", "-f", "-", "-C", dir, ".")) {
      Integer code = w.exitCode().get(120, TimeUnit.SECONDS);
      if (code == null || code != 0) {
        throw new IOException("tar -c in the container: " + code + " " + err);
      }
    }
    Map<String, String> tree = new TreeMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()), "UTF-8")) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String name = e.getName();
        name = name.startsWith("./") ? name.substring(2) : name;
        name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (name.isEmpty() || name.equals(".")) {
          continue;
        }
        if (e.isDirectory()) {
          tree.put(name, "dir");
        } else if (e.isSymbolicLink()) {
          tree.put(name, "link -> " + e.getLinkName());
        } else {
          tree.put(name, "file " + e.getSize() + " " + sha256(tar));
        }
      }
    }
    return tree;
  }

  /** The folder minus {@code .odo} and the given paths (with what is under them). */
  static Map<String, String> local(Path root, Set<String> leftOut) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        String rel = root.relativize(p).toString();
        if (rel.isEmpty()
            || isUnder(rel, ".odo")
            || leftOut.stream().anyMatch(x -> isUnder(rel, x))) {
          continue;
        }
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
          tree.put(rel, "dir");
        } else if (a.isSymbolicLink()) {
          tree.put(rel, "link -> " + Files.readSymbolicLink(p));
        } else {
          try (InputStream in = Files.newInputStream(p)) {
            tree.put(rel, "file " + a.size() + " " + sha256(in));
          }
        }
      }
    }
    return tree;
  }

  private static boolean isUnder(String path, String top) {
    return path.equals(top) || path.startsWith(top + "/");
  }

  private static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[8192];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A path on one line: control characters as escapes. */
  static String printable(String path) {
    StringBuilder b = new StringBuilder();
    path.codePoints()
        .forEach(
            c ->
                b.append(
                    c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
    return b.toString();
  }

  /** A name as Java cannot write it: made by the shell's printf from octal escapes. */
  static void shell(Path dir, String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).start();
    if (p.waitFor() != 0) {
      throw new IOException(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
