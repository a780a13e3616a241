package dev.deckhand.core.status;

import static dev.deckhand.core.status.Fixtures.APP_IMAGE;
import static dev.deckhand.core.status.Fixtures.INIT_IMAGE;
import static dev.deckhand.core.status.Fixtures.NAME;
import static dev.deckhand.core.status.Fixtures.NAMES;
import static dev.deckhand.core.status.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ComponentStatusWatcherTest {
  KubernetesClient client;

  private final List<ComponentStatus> seen = new CopyOnWriteArrayList<>();

  private ComponentStatus last() {
    return seen.isEmpty() ? null : seen.get(seen.size() - 1);
  }

  private void awaitLast(java.util.function.Predicate<ComponentStatus> what) {
    await().atMost(Duration.ofSeconds(10)).until(() -> last() != null && what.test(last()));
  }

  private Pod createPendingPod() {
    return client.pods().inNamespace(NS).resource(Fixtures.pod("shop-app-1").build()).create();
  }

  private void setStatus(Pod pod) {
    client.pods().inNamespace(NS).resource(pod).updateStatus();
  }

  @Test
  @DisplayName("pod Pending → init container running → Running, then deleted: snapshots in order")
  void followsThePod() {
    client.persistentVolumeClaims().inNamespace(NS).resource(Fixtures.claim("Bound")).create();
    client.apps().deployments().inNamespace(NS).resource(Fixtures.deployment()).create();
    client
        .services()
        .inNamespace(NS)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withLabels(Fixtures.labels())
                .withAnnotations(Map.of(StatusAssembler.URL_ANNOTATION, "http://127.0.0.1:40123"))
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withPort(8080)
                .endPort()
                .endSpec()
                .build())
        .create();

    try (ComponentStatusWatcher watcher =
        ComponentStatusWatcher.start(client, NAMES, NS, seen::add, Duration.ofMillis(100))) {
      awaitLast(s -> s.workload() != null && s.pod() == null);
      assertThat(last().health().text()).isEqualTo("waiting for a pod of shop-app");
      assertThat(last().url()).isEqualTo("http://127.0.0.1:40123");
      assertThat(last().connection()).isEqualTo(Connection.CONNECTED);

      Pod pod = createPendingPod();
      awaitLast(s -> s.pod() != null);
      assertThat(last().pod().phase()).isEqualTo("Pending");
      assertThat(last().health().state()).isEqualTo(HealthState.STARTING);

      pod.getSpec().setNodeName("node1");
      client.pods().inNamespace(NS).resource(pod).update();
      Pod initRunning =
          Fixtures.pod("shop-app-1")
              .editSpec()
              .withNodeName("node1")
              .endSpec()
              .editStatus()
              .withInitContainerStatuses(
                  Fixtures.terminated("copy-supervisord", INIT_IMAGE, 0, "Completed"),
                  Fixtures.running("copy-files-to-volume", APP_IMAGE, 0))
              .endStatus()
              .build();
      setStatus(initRunning);
      awaitLast(s -> s.health().text().equals("init container copy-files-to-volume running"));

      Pod running =
          Fixtures.pod("shop-app-1")
              .editSpec()
              .withNodeName("node1")
              .endSpec()
              .editStatus()
              .withPhase("Running")
              .withInitContainerStatuses(
                  Fixtures.terminated("copy-supervisord", INIT_IMAGE, 0, "Completed"),
                  Fixtures.terminated("copy-files-to-volume", APP_IMAGE, 0, "Completed"))
              .withContainerStatuses(Fixtures.running(NAME, APP_IMAGE, 0))
              .endStatus()
              .build();
      setStatus(running);
      awaitLast(s -> s.health().state() == HealthState.RUNNING);
      assertThat(last().health().text()).isEqualTo("running at http://127.0.0.1:40123");
      assertThat(last().pod().containers().get(0).containerId())
          .isEqualTo("containerd://shop-app0");

      client.pods().inNamespace(NS).withName("shop-app-1").delete();
      awaitLast(s -> s.pod() == null);

      assertThat(seen)
          .extracting(s -> s.health().text())
          .containsSubsequence(
              "waiting for a pod of shop-app",
              "init container copy-files-to-volume running",
              "running at http://127.0.0.1:40123",
              "waiting for a pod of shop-app");
      for (int i = 1; i < seen.size(); i++) {
        assertThat(seen.get(i))
            .as("snapshot %d repeats the one before", i)
            .isNotEqualTo(seen.get(i - 1));
      }
      assertThat(watcher.current()).isEqualTo(last());
    }
  }

  @Test
  @DisplayName("a PVC pending with a ProvisioningFailed event shows in health and warnings")
  void pendingClaimWithEvent() {
    client.persistentVolumeClaims().inNamespace(NS).resource(Fixtures.claim("Pending")).create();
    client.apps().deployments().inNamespace(NS).resource(Fixtures.deployment()).create();

    try (ComponentStatusWatcher watcher =
        ComponentStatusWatcher.start(client, NAMES, NS, seen::add, Duration.ofMillis(100))) {
      awaitLast(s -> s.workload() != null);
      client
          .v1()
          .events()
          .inNamespace(NS)
          .resource(
              Fixtures.event(
                  "shop-app-s2idata.1",
                  "Warning",
                  "PersistentVolumeClaim",
                  "shop-app-s2idata",
                  "ProvisioningFailed",
                  "storageclass.storage.k8s.io \"fast\" not found",
                  "2024-05-01T10:00:03Z"))
          .create();

      awaitLast(s -> !s.warnings().isEmpty());
      assertThat(last().health().text())
          .isEqualTo(
              "PVC shop-app-s2idata Pending: ProvisioningFailed: storageclass.storage.k8s.io"
                  + " \"fast\" not found");
      assertThat(last().warnings().get(0).involvedKind()).isEqualTo("PersistentVolumeClaim");
    }
  }

  @Test
  @DisplayName("a slow listener gets the latest snapshot, not a backlog")
  void coalesces() throws Exception {
    client.apps().deployments().inNamespace(NS).resource(Fixtures.deployment()).create();
    CountDownLatch release = new CountDownLatch(1);
    List<ComponentStatus> got = new CopyOnWriteArrayList<>();
    try (ComponentStatusWatcher watcher =
        ComponentStatusWatcher.start(
            client,
            NAMES,
            NS,
            s -> {
              got.add(s);
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            Duration.ofMillis(100))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
      for (int i = 1; i <= 5; i++) {
        client.pods().inNamespace(NS).resource(Fixtures.pod("shop-app-" + i).build()).create();
        int n = i;
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> watcher.current() != null && watcher.current().otherPods().size() == n - 1);
      }
      release.countDown();

      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
      Thread.sleep(300);
      assertThat(got).hasSize(2);
      assertThat(got.get(1).otherPods()).hasSize(4);
    }
  }

  @Test
  @DisplayName("API down: RECONNECTING with the last state; API back: CONNECTED after the re-list")
  void reconnectsWhenTheApiComesBack() throws Exception {
    // One CRUD store served by two servers in turn on the same port: the "API restart".
    KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
    KubernetesMockServer first =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), store, false);
    first.init(java.net.InetAddress.getLoopbackAddress(), 0);
    int port = first.getPort();
    KubernetesMockServer second = null;
    try (KubernetesClient own = first.createClient()) {
      own.apps().deployments().inNamespace(NS).resource(Fixtures.deployment()).create();
      try (ComponentStatusWatcher watcher =
          ComponentStatusWatcher.start(own, NAMES, NS, seen::add, Duration.ofMillis(100))) {
        awaitLast(s -> s.workload() != null && s.connection().equals(Connection.CONNECTED));

        first.destroy();
        awaitLast(s -> s.connection().state() == ConnectionState.RECONNECTING);

        second =
            new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), store, false);
        second.init(java.net.InetAddress.getLoopbackAddress(), port);
        own.pods().inNamespace(NS).resource(Fixtures.pod("shop-app-1").build()).create();

        await()
            .atMost(Duration.ofSeconds(40))
            .until(() -> last().connection().equals(Connection.CONNECTED) && last().pod() != null);
        assertThat(seen)
            .extracting(s -> s.connection().state())
            .containsSubsequence(
                ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
      }
    } finally {
      first.destroy();
      if (second != null) {
        second.destroy();
      }
    }
  }

  @Test
  @DisplayName("the API going away flips the connection to RECONNECTING, keeping the last state")
  void reconnecting() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    try (KubernetesClient own = server.createClient()) {
      own.apps().deployments().inNamespace(NS).resource(Fixtures.deployment()).create();
      try (ComponentStatusWatcher watcher =
          ComponentStatusWatcher.start(own, NAMES, NS, seen::add, Duration.ofMillis(100))) {
        awaitLast(s -> s.workload() != null && s.connection().equals(Connection.CONNECTED));

        server.destroy();

        awaitLast(s -> s.connection().state() == ConnectionState.RECONNECTING);
        assertThat(last().connection().reason()).isEqualTo(ComponentStatusWatcher.LOST);
        assertThat(last().workload()).isNotNull();
      }
    } finally {
      server.destroy();
    }
  }
}
