package dev.deckhand.sandbox.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the podman CLI. The CLI (not the REST socket) because it needs no service running and
 * behaves the same for root and rootless users; each call costs about 0.1–0.3 s.
 */
public final class Podman {

  /** Default ceiling for one command, so a wedged podman cannot hang the caller forever. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final String executable;

  public Podman() {
    this(System.getenv().getOrDefault("DECKHAND_PODMAN", "podman"));
  }

  public Podman(String executable) {
    this.executable = executable;
  }

  /** Outcome of one command. Output is decoded as UTF-8. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Throws a {@link PodmanException} naming the command and its stderr unless exit code 0. */
    public Result orThrow() {
      if (!ok()) {
        throw new PodmanException(
            String.join(" ", command)
                + " failed with exit code "
                + exitCode
                + (stderr.isBlank() ? "" : ": " + stderr.strip()));
      }
      return this;
    }
  }

  /** True when the podman executable can be started. */
  public boolean isInstalled() {
    try {
      return run(List.of("--version")).ok();
    } catch (PodmanNotInstalledException e) {
      return false;
    }
  }

  /** Runs {@code podman args...}; throws only when podman cannot be started or times out. */
  public Result run(List<String> args) {
    return run(args, null, DEFAULT_TIMEOUT);
  }

  /** Runs podman and fails unless it exits 0; returns stdout without the trailing newline. */
  public String check(String... args) {
    return run(List.of(args)).orThrow().stdout().strip();
  }

  /**
   * Runs {@code podman args...}, feeding {@code stdin} (may be null: no input) and waiting at most
   * {@code timeout}.
   */
  public Result run(List<String> args, byte[] stdin, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(args);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new PodmanNotInstalledException(executable, e);
    }
    // Drain both streams concurrently: a full pipe buffer would block podman.
    CompletableFuture<byte[]> out = drain(process.getInputStream());
    CompletableFuture<byte[]> err = drain(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    } catch (IOException e) {
      // podman exited before reading its input; its exit code and stderr tell why.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new PodmanException(
            String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
      }
      return new Result(
          List.copyOf(command),
          process.exitValue(),
          new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PodmanException("interrupted while running " + String.join(" ", command), e);
    }
  }

  /** The value of label {@code key} on a local image, or empty if the image or label is absent. */
  public Optional<String> imageLabel(ImageRef image, String key) {
    Result r =
        run(
            List.of(
                "image",
                "inspect",
                "--format",
                "{{ index .Labels \"" + key + "\" }}",
                image.toString()));
    if (!r.ok()) {
      return Optional.empty();
    }
    String value = r.stdout().strip();
    return value.isEmpty() || value.equals("<no value>") ? Optional.empty() : Optional.of(value);
  }

  /** The ID of a local image, or empty if there is none by that name. */
  public Optional<String> imageId(ImageRef image) {
    Result r = run(List.of("image", "inspect", "--format", "{{.Id}}", image.toString()));
    return r.ok() ? Optional.of(r.stdout().strip()) : Optional.empty();
  }

  // One plain thread per stream: the common pool has a single thread on 2-CPU machines, and two
  // drains queued on it could deadlock against a podman blocked on its other pipe.
  /**
   * Removes every pod, container and volume carrying {@code label} (a {@code key=value} filter), in
   * that order so nothing is still in use when its turn comes. Failures are ignored: this is
   * cleanup of leftovers, which may already be half gone.
   */
  public void removeByLabel(String label) {
    for (String pod : ids(List.of("pod", "ps", "-q", "--filter", "label=" + label))) {
      run(List.of("pod", "rm", "-f", "-t", "0", pod));
    }
    for (String ctr : ids(List.of("ps", "-aq", "--filter", "label=" + label))) {
      run(List.of("rm", "-f", "-t", "0", ctr));
    }
    // Bind-style volumes (driver options) first: they point into the others.
    List<String> volumes = ids(List.of("volume", "ls", "-q", "--filter", "label=" + label));
    for (String volume : volumes) {
      Result r = run(List.of("volume", "inspect", "--format", "{{len .Options}}", volume));
      if (r.ok() && !r.stdout().strip().equals("0")) {
        run(List.of("volume", "rm", "-f", volume));
      }
    }
    for (String volume : volumes) {
      run(List.of("volume", "rm", "-f", volume));
    }
  }

  private List<String> ids(List<String> args) {
    Result r = run(args);
    if (!r.ok()) {
      return List.of();
    }
    return r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                result.complete(buffer.toByteArray());
              } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "podman-output");
    thread.setDaemon(true);
    thread.start();
    return result;
  }
}
