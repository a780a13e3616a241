package dev.deckhand.sandbox;

import dev.deckhand.sandbox.api.SandboxApiServer;
import dev.deckhand.sandbox.api.StreamsSwitch;
import dev.deckhand.sandbox.controller.ControllerOptions;
import dev.deckhand.sandbox.controller.Controllers;
import dev.deckhand.sandbox.events.EventRecorder;
import dev.deckhand.sandbox.images.SandboxImages;
import dev.deckhand.sandbox.kubelet.Kubelet;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deckhand's embedded local cluster: a Kubernetes API in this process, its controllers, and a
 * kubelet that runs the pods in podman. Without podman the API still serves and pods stay Pending
 * with an event that says why.
 */
public final class Sandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

  private final SandboxApiServer api;
  private final KubernetesClient client;
  private final Controllers controllers;
  private final Kubelet kubelet;
  private final NoNodeReporter noNode;
  private final Path kubeconfig;
  private final String nodeProblem;
  private final SandboxLock lock;

  private Sandbox(
      SandboxLock lock,
      SandboxApiServer api,
      KubernetesClient client,
      Controllers controllers,
      Kubelet kubelet,
      NoNodeReporter noNode,
      Path kubeconfig,
      String nodeProblem) {
    this.lock = lock;
    this.api = api;
    this.client = client;
    this.controllers = controllers;
    this.kubelet = kubelet;
    this.noNode = noNode;
    this.kubeconfig = kubeconfig;
    this.nodeProblem = nodeProblem;
  }

  /**
   * Starts the sandbox of {@code options.dataDir()}.
   *
   * @throws SandboxBusyException when another sandbox runs on that data folder (in this process or
   *     another); nothing was touched then, neither podman nor its kubeconfig
   */
  public static Sandbox start(SandboxOptions options) throws IOException {
    // First of all: the data folder decides the podman instance id and the kubeconfig file, so a
    // second sandbox on it would remove and overwrite the first one's pods.
    SandboxLock lock = SandboxLock.acquire(options.dataDir(), options.holder());
    try {
      return start(options, lock);
    } catch (IOException | RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  private static Sandbox start(SandboxOptions options, SandboxLock lock) throws IOException {
    StreamsSwitch streams = new StreamsSwitch();
    SandboxApiServer api =
        SandboxApiServer.start(options.port(), options.flavour(), streams, streams, streams);
    lock.serving(api.url());
    KubernetesClient client = api.newClient();
    Controllers controllers =
        Controllers.start(
            client, ControllerOptions.defaults().withPvcBindDelay(options.pvcBindDelay()));
    EventRecorder events = new EventRecorder(client, "kubelet", Kubelet.NODE_NAME);
    PodmanCli podman = new PodmanCli();
    Kubelet kubelet = null;
    NoNodeReporter noNode = null;
    String problem = null;
    if (!podman.available()) {
      problem =
          "podman was not found, so pods cannot start; install it (Debian/Ubuntu: sudo apt-get"
              + " install podman runc catatonit netavark aardvark-dns iptables) and restart the"
              + " sandbox";
    } else {
      try {
        // The builds this sandbox checked: pods run them even if another checkout retags latest.
        java.util.Map<String, String> pinned =
            options.buildImages() ? new SandboxImages().ensureBuilt(false) : java.util.Map.of();
        kubelet =
            new Kubelet(client, podman, events, Duration.ofMillis(500), instanceId(options), pinned)
                .start();
        streams.plug(kubelet.streams());
      } catch (IOException | RuntimeException e) {
        problem = "the sandbox node cannot start: " + e.getMessage();
        if (kubelet != null) {
          kubelet.close();
          kubelet = null;
        }
      }
    }
    if (problem != null) {
      LOG.warn("{}; the API serves, pods stay Pending", problem);
      noNode = NoNodeReporter.start(client, events, problem);
    }
    Path kubeconfig = api.writeKubeconfig(options.dataDir().resolve("kubeconfig"));
    return new Sandbox(lock, api, client, controllers, kubelet, noNode, kubeconfig, problem);
  }

  /**
   * The sandbox's id in podman: from its data folder, so the same sandbox finds (and cleans) its
   * own leftovers after a restart, and other sandboxes' objects are left alone.
   */
  static String instanceId(SandboxOptions options) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  options
                      .dataDir()
                      .toAbsolutePath()
                      .normalize()
                      .toString()
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 3);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How this sandbox names pods and volumes in podman, or null when it has no node. */
  public dev.deckhand.sandbox.kubelet.PodmanNames podmanNames() {
    return kubelet == null ? null : kubelet.names();
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public String url() {
    return api.url();
  }

  /** A new client of the sandbox; the caller closes it. */
  public KubernetesClient newClient() {
    return api.newClient();
  }

  /** Why pods cannot run, or null when the node runs. */
  public String nodeProblem() {
    return nodeProblem;
  }

  /** Stops everything; PVC volumes stay unless {@code clean}. */
  public void close(boolean clean) {
    if (noNode != null) {
      noNode.close();
    }
    if (kubelet != null) {
      kubelet.close();
      if (clean) {
        try {
          kubelet.removeVolumes();
        } catch (IOException e) {
          LOG.warn("cannot remove the sandbox's volumes: {}", e.getMessage());
        }
      }
    }
    controllers.close();
    client.close();
    api.close();
    // Last: until its pods are gone, no other sandbox may start on this folder.
    lock.close();
  }

  @Override
  public void close() {
    close(false);
  }
}
