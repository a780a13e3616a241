package dev.deckhand.sandbox.kubelet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names the process that owns a sandbox's podman objects, so leftovers of a killed process can be
 * told from objects of a sandbox that still runs: {@code <pid>.<start>.<boot>}, the pid, its start
 * time in clock ticks since boot ({@code /proc/<pid>/stat}) and the first 8 characters of the boot
 * id. A pid reused by another process, or a reboot, no longer matches. {@code
 * scripts/prune-sandbox-leftovers.sh} applies the same rule.
 */
public final class ProcessOwner {
  /** The podman label that carries the owner. */
  public static final String LABEL = "dev.deckhand.owner";

  private ProcessOwner() {}

  /** This process, or empty where /proc cannot be read (then nothing is ever pruned as dead). */
  public static Optional<String> current() {
    return of(ProcessHandle.current().pid());
  }

  /** The owner name of a running process, or empty when no such process runs. */
  static Optional<String> of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name in parentheses may hold spaces and ')': fields count from the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
      return Optional.of(pid + "." + fields[19] + "." + bootId());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the owner named by a label is gone for sure: its pid does not run, runs another process
   * (another start time), or the machine rebooted since. Unknown forms and a machine without /proc
   * count as alive, so nothing is removed on a guess.
   */
  public static boolean isDead(String owner) {
    if (owner == null || !owner.matches("[0-9]{1,10}\\.[0-9]{1,20}\\.[0-9a-f]{8}")) {
      return false;
    }
    String boot;
    try {
      boot = bootId();
    } catch (IOException e) {
      return false;
    }
    String[] parts = owner.split("\\.");
    if (!parts[2].equals(boot)) {
      return true;
    }
    if (!Files.isDirectory(Path.of("/proc", "self"))) {
      return false;
    }
    return of(Long.parseLong(parts[0])).map(now -> !now.equals(owner)).orElse(true);
  }

  private static String bootId() throws IOException {
    String id =
        Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
            .strip();
    if (id.length() < 8) {
      throw new IOException("no boot id");
    }
    return id.substring(0, 8);
  }
}
