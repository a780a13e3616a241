package dev.deckhand.sandbox.controller;

import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.api.Flavour;
import dev.deckhand.sandbox.api.SandboxApiServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A sandbox API with the controllers running and no kubelet: tests play the kubelet themselves
 * (marking pods ready) where they need to.
 */
final class Sandbox implements AutoCloseable {
  static final ControllerOptions FAST =
      ControllerOptions.defaults()
          .withPvcBindDelay(Duration.ofMillis(200))
          .withResyncPeriod(Duration.ofSeconds(2));

  final SandboxApiServer server;
  final KubernetesClient client;
  Controllers controllers;

  Sandbox(Flavour flavour) throws Exception {
    NoBackend none = new NoBackend();
    server = SandboxApiServer.start(0, flavour, none, none);
    client = server.newClient();
    controllers = Controllers.start(client, FAST);
  }

  void restartControllers() {
    controllers.close();
    controllers = Controllers.start(client, FAST);
  }

  List<Pod> pods() {
    return client.pods().inNamespace("default").list().getItems();
  }

  /** What a kubelet writes once the pod's containers run and pass readiness. */
  void markReady(Pod pod) {
    Pod latest = client.pods().inNamespace("default").withName(pod.getMetadata().getName()).get();
    latest.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .build());
    client.pods().resource(latest).updateStatus();
  }

  List<Event> eventsAbout(String name) {
    return client.v1().events().inAnyNamespace().list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  static <T> T eventually(Supplier<T> value) {
    return eventually(value, Duration.ofSeconds(10));
  }

  static <T> T eventually(Supplier<T> value, Duration atMost) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(value::get, v -> v != null);
  }

  @Override
  public void close() {
    controllers.close();
    client.close();
    server.close();
  }
}
