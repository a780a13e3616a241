package dev.deckhand.app.gui;

import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxBusyException;
import dev.deckhand.sandbox.SandboxHolder;
import dev.deckhand.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sandbox started from the window, in this process; stopped when the window closes, and also
 * when the process is ended without closing it (TERM, HUP at logout, Ctrl-C): a JVM shutdown hook
 * removes its podman pods, as {@code deckhand sandbox} does. Closing twice is harmless.
 *
 * <p>When another process already runs the sandbox of the same data folder ({@code deckhand
 * sandbox}, another window), the window uses that one if it answers, and never stops it.
 */
final class EmbeddedSandbox implements SandboxStarter, AutoCloseable {
  static final String HOLDER = "the Deckhand window";

  private final SandboxOptions options;
  private Sandbox running;
  private SandboxHolder borrowed;
  private boolean hooked;

  EmbeddedSandbox() {
    this(SandboxOptions.defaults());
  }

  EmbeddedSandbox(SandboxOptions options) {
    this.options = options.withHolder(HOLDER);
  }

  @Override
  public synchronized Path start() throws Exception {
    if (running != null) {
      return running.kubeconfig();
    }
    if (!hooked) {
      // Before the start, so a TERM during it waits for the start (close is synchronized) and
      // then removes what it made. Fails once the JVM is shutting down: then nothing starts.
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sandbox-stop"));
      hooked = true;
    }
    try {
      running = Sandbox.start(options);
      borrowed = null;
      return running.kubeconfig();
    } catch (SandboxBusyException busy) {
      Path kubeconfig = useRunning(busy);
      borrowed = busy.holder();
      return kubeconfig;
    }
  }

  /** "Sandbox running", or whose sandbox the window uses. */
  @Override
  public synchronized String runningNote() {
    if (running == null && borrowed != null) {
      return "Using the sandbox of "
          + (borrowed.command() != null ? borrowed.command() + ", " : "")
          + "pid "
          + borrowed.pid();
    }
    return SandboxStarter.super.runningNote();
  }

  /**
   * The kubeconfig of the sandbox another process runs on this data folder, when it is the one that
   * process wrote (same server) and the server answers; otherwise the refusal itself.
   */
  private static Path useRunning(SandboxBusyException busy) throws SandboxBusyException {
    SandboxHolder holder = busy.holder();
    if (holder == null || holder.url() == null) {
      throw busy; // still starting, or nothing readable: no kubeconfig to trust yet
    }
    Path kubeconfig = busy.kubeconfig();
    try {
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      if (!stripSlash(config.getMasterUrl()).equals(stripSlash(holder.url()))) {
        throw busy; // the file is from an earlier run; the holder has not written its own yet
      }
      config.setConnectionTimeout(3_000);
      config.setRequestTimeout(5_000);
      config.setRequestRetryBackoffLimit(0);
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        client.getKubernetesVersion();
      }
      return kubeconfig;
    } catch (IOException | RuntimeException e) {
      throw busy;
    }
  }

  private static String stripSlash(String url) {
    return url == null ? "" : url.replaceAll("/+$", "");
  }

  /** Stops the sandbox this process started; one it only uses keeps running. */
  @Override
  public synchronized void close() {
    borrowed = null;
    if (running != null) {
      running.close();
      running = null;
    }
  }
}
