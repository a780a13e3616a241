package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what the offline images are made of on this host: a static busybox, node, npm and the
 * shared libraries node needs. No registry is reachable, so the host is the only source.
 */
final class HostTools {

  private static final List<String> BUSYBOX_CANDIDATES =
      List.of("/bin/busybox", "/usr/bin/busybox", "/usr/sbin/busybox");

  private HostTools() {}

  /** A statically linked busybox (a dynamic one would not run inside foreign app images). */
  static Path staticBusybox() {
    for (String candidate : BUSYBOX_CANDIDATES) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p) && isStaticElf(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no statically linked busybox found in "
            + BUSYBOX_CANDIDATES
            + "; install it (Debian: apt-get install busybox-static)");
  }

  /** Applet names of a busybox binary, from {@code busybox --list}. */
  static List<String> busyboxApplets(Path busybox) {
    return List.of(run(busybox.toString(), "--list").split("\n")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty() && !s.equals("busybox"))
        .toList();
  }

  /** An executable on PATH, or empty. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static Path node() {
    return onPath("node")
        .or(() -> onPath("nodejs"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "node is not installed on this host; the Node.js builder image copies it"));
  }

  static String nodeVersion(Path node) {
    return run(node.toString(), "--version").strip();
  }

  static String bashVersion(Path bash) {
    return run(bash.toString(), "-c", "echo $BASH_VERSION").strip();
  }

  /**
   * The npm package directory (the one holding {@code bin/npm-cli.js}), following the {@code npm}
   * symlink: NodeSource puts it in /usr/lib/node_modules/npm, Debian in /usr/share/nodejs/npm.
   */
  static Optional<Path> npmPackageDir() {
    Optional<Path> npm = onPath("npm");
    if (npm.isPresent()) {
      try {
        Path cli = npm.get().toRealPath();
        if (cli.getFileName().toString().equals("npm-cli.js")) {
          return Optional.of(cli.getParent().getParent());
        }
      } catch (IOException e) {
        // fall through to the well-known places
      }
    }
    for (String dir : List.of("/usr/lib/node_modules/npm", "/usr/share/nodejs/npm")) {
      if (Files.isRegularFile(Path.of(dir, "bin", "npm-cli.js"))) {
        return Optional.of(Path.of(dir));
      }
    }
    return Optional.empty();
  }

  private static final Pattern LDD_ARROW = Pattern.compile("=>\\s+(/\\S+)\\s+\\(");
  private static final Pattern LDD_PLAIN = Pattern.compile("^\\s*(/\\S+)\\s+\\(");

  /** Paths ldd lists for a binary, the dynamic loader included, in ldd's order. */
  static List<Path> sharedLibraries(Path binary) {
    Set<Path> libs = new LinkedHashSet<>();
    for (String line : run("ldd", binary.toString()).split("\n")) {
      Matcher m = LDD_ARROW.matcher(line);
      if (m.find()) {
        libs.add(Path.of(m.group(1)));
        continue;
      }
      m = LDD_PLAIN.matcher(line);
      if (m.find()) {
        libs.add(Path.of(m.group(1)));
      }
    }
    return new ArrayList<>(libs);
  }

  /** True when the ELF file has no PT_INTERP program header, i.e. needs no dynamic loader. */
  static boolean isStaticElf(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(64 * 1024);
      ByteBuffer b = ByteBuffer.wrap(head);
      if (head.length < 64 || b.getInt(0) != 0x7f454c46 || head[4] != 2) {
        return false; // not a 64-bit ELF
      }
      b.order(head[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      long phoff = b.getLong(0x20);
      int phentsize = Short.toUnsignedInt(b.getShort(0x36));
      int phnum = Short.toUnsignedInt(b.getShort(0x38));
      for (int i = 0; i < phnum; i++) {
        long at = phoff + (long) i * phentsize;
        if (at + 4 > head.length) {
          return false;
        }
        if (b.getInt((int) at) == 3) { // PT_INTERP
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs a host command and returns stdout; fails with its stderr on a non-zero exit. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }
}
