package dev.deckhand.sandbox.kubelet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs podman commands; every failure carries podman's own message. */
public final class PodmanCli {
  /** The result of a finished podman command. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** The first line podman printed about the failure, without its "Error: " prefix. */
    public String error() {
      String text = stderr.isBlank() ? stdout : stderr;
      for (String line : text.split("\n")) {
        String l = line.strip();
        if (l.startsWith("Error: ")) {
          return l.substring(7);
        }
      }
      return text.strip();
    }
  }

  /** A podman command that failed. */
  public static final class PodmanException extends IOException {
    private static final long serialVersionUID = 1L;

    public PodmanException(String message) {
      super(message);
    }
  }

  // Each command's two output streams are drained on their own threads: on 2 cores the common
  // pool has one thread, and a full stdout pipe behind a blocked stderr read would deadlock.
  private static final java.util.concurrent.ExecutorService READERS =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "podman-output");
            t.setDaemon(true);
            return t;
          });

  private final String executable;

  public PodmanCli() {
    this("podman");
  }

  public PodmanCli(String executable) {
    this.executable = executable;
  }

  /** Whether podman can be run at all here. */
  public boolean available() {
    try {
      return run(List.of("version", "--format", "{{.Client.Version}}"), 20).ok();
    } catch (IOException e) {
      return false;
    }
  }

  public Result run(List<String> args, long timeoutSeconds) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(args);
    Process p;
    try {
      p =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(devNull()))
              .start();
    } catch (IOException e) {
      throw new PodmanException("podman is not installed or cannot run (" + e.getMessage() + ")");
    }
    CompletableFuture<String> out = readAsync(p.getInputStream());
    CompletableFuture<String> err = readAsync(p.getErrorStream());
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new PodmanException(
            "podman " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PodmanException("interrupted while running podman " + args.get(0));
    }
  }

  /** Runs and fails with podman's message when it exits non-zero. */
  public String check(List<String> args, long timeoutSeconds) throws IOException {
    Result r = run(args, timeoutSeconds);
    if (!r.ok()) {
      throw new PodmanException("podman " + args.get(0) + " " + args.get(1) + ": " + r.error());
    }
    return r.stdout();
  }

  /** Starts a long-running podman process (exec, logs) whose streams the caller owns. */
  public Process start(List<String> args, boolean stdin) throws IOException {
    return start(args, stdin, false);
  }

  /**
   * @param mergeStderr send stderr into stdout: {@code podman logs} replays a container's stderr on
   *     its own stderr, and a Kubernetes log has both streams in one
   */
  public Process start(List<String> args, boolean stdin, boolean mergeStderr) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(mergeStderr);
    if (!stdin) {
      // A program reading stdin would otherwise never end.
      pb.redirectInput(ProcessBuilder.Redirect.from(devNull()));
    }
    return pb.start();
  }

  private static java.io.File devNull() {
    return new java.io.File("/dev/null");
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        },
        READERS);
  }
}
