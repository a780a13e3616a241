package dev.deckhand.sandbox.api;

import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The sandbox's Kubernetes API: fabric8's mock server in CRUD mode as the object store, on
 * 127.0.0.1, with exec, logs and discovery served for real, and a kubeconfig that points at it.
 */
public final class SandboxApiServer implements AutoCloseable {
  public static final String CONTEXT = "deckhand-sandbox";
  public static final String NAMESPACE = "default";

  private final KubernetesMockServer mock;
  private final SandboxWebServer web;
  private final Flavour flavour;

  private SandboxApiServer(
      Flavour flavour, ExecBackend exec, LogBackend logs, PortForwardBackend ports) {
    this.flavour = flavour;
    this.web = new SandboxWebServer(flavour, exec, logs, ports);
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    this.mock =
        new KubernetesMockServer(
            new Context(), web, expectations, new KubernetesMixedDispatcher(expectations), false);
  }

  /**
   * Starts the API on 127.0.0.1.
   *
   * @param port a port, or 0 for a free one
   */
  public static SandboxApiServer start(int port, Flavour flavour, ExecBackend exec, LogBackend logs)
      throws IOException {
    return start(
        port,
        flavour,
        exec,
        logs,
        (ns, pod, p) -> {
          throw new ExecBackend.ExecRefusedException("port-forward is not served here");
        });
  }

  /** Starts the API on 127.0.0.1 with a port-forward backend. */
  public static SandboxApiServer start(
      int port, Flavour flavour, ExecBackend exec, LogBackend logs, PortForwardBackend ports)
      throws IOException {
    SandboxApiServer server = new SandboxApiServer(flavour, exec, logs, ports);
    server.mock.init(InetAddress.getLoopbackAddress(), port);
    try (KubernetesClient client = server.newClient()) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
    }
    return server;
  }

  public int port() {
    return web.getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public Flavour flavour() {
    return flavour;
  }

  /** A client for the sandbox's controllers and tests; callers close it. */
  public KubernetesClient newClient() {
    Config config = Config.empty();
    config.setMasterUrl(url());
    config.setNamespace(NAMESPACE);
    config.setTrustCerts(false);
    config.setRequestTimeout(30_000);
    config.setConnectionTimeout(5_000);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * Writes a kubeconfig with one context, {@value #CONTEXT}, pointing at this server. Written whole
   * to a temp file and renamed, so a reader never sees half a file.
   */
  public Path writeKubeconfig(Path file) throws IOException {
    io.fabric8.kubernetes.api.model.Config kubeconfig =
        new io.fabric8.kubernetes.api.model.ConfigBuilder()
            .withApiVersion("v1")
            .withKind("Config")
            .addToClusters(
                new NamedClusterBuilder()
                    .withName(CONTEXT)
                    .withNewCluster()
                    .withServer(url())
                    .endCluster()
                    .build())
            .addToUsers(
                new NamedAuthInfoBuilder()
                    .withName(CONTEXT)
                    .withNewUser()
                    .withToken("sandbox")
                    .endUser()
                    .build())
            .addToContexts(
                new NamedContextBuilder()
                    .withName(CONTEXT)
                    .withNewContext()
                    .withCluster(CONTEXT)
                    .withUser(CONTEXT)
                    .withNamespace(NAMESPACE)
                    .endContext()
                    .build())
            .withCurrentContext(CONTEXT)
            .build();
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
    Files.writeString(tmp, Serialization.asYaml(kubeconfig), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  @Override
  public void close() {
    mock.destroy();
  }
}
