package dev.deckhand.app.gui;

import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/** A mock API server in CRUD mode holding odo components the way odo 1.x labels them. */
final class OdoCluster implements AutoCloseable {
  final KubernetesMockServer server;
  final KubernetesClient client;

  OdoCluster() {
    // Mixed: CRUD storage, but expectations (a 401, a 403) answer first.
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    client = server.createClient();
  }

  String url() {
    return client.getConfiguration().getMasterUrl().replaceAll("/$", "");
  }

  OdoCluster namespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return this;
  }

  /** The Deployment {@code <component>-app} with odo's labels and a pod in the given state. */
  OdoCluster component(String namespace, String component, int replicas, ContainerStatus app) {
    ComponentNames names = new ComponentNames(component, "app");
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(names.name())
                .withLabels(OdoLabels.component(component, "app", "nodejs", "14"))
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .build())
        .create();
    if (app != null) {
      client.pods().inNamespace(namespace).resource(pod(names.name(), app)).create();
    }
    return this;
  }

  /** Replaces the component's pod status, as the kubelet would. */
  void podStatus(String namespace, String component, ContainerStatus app) {
    String name = new ComponentNames(component, "app").name();
    client.pods().inNamespace(namespace).withName(name + "-1").delete();
    client.pods().inNamespace(namespace).resource(pod(name, app)).create();
  }

  private static Pod pod(String name, ContainerStatus app) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name + "-1")
        .addToLabels(OdoLabels.POD_SELECTOR, name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .withImage("nodejs")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase(app.getState().getRunning() != null ? "Running" : "Pending")
        .withContainerStatuses(app)
        .endStatus()
        .build();
  }

  static ContainerStatus running(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage("nodejs")
        .withReady(true)
        .withRestartCount(0)
        .withNewState()
        .withNewRunning()
        .withStartedAt("2026-01-01T00:00:00Z")
        .endRunning()
        .endState()
        .build();
  }

  static ContainerStatus crashLooping(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage("nodejs")
        .withReady(false)
        .withRestartCount(4)
        .withNewState()
        .withNewWaiting()
        .withReason("CrashLoopBackOff")
        .withMessage("back-off 40s restarting failed container")
        .endWaiting()
        .endState()
        .withNewLastState()
        .withNewTerminated()
        .withExitCode(1)
        .withReason("Error")
        .endTerminated()
        .endLastState()
        .build();
  }

  static ContainerStatus pulling(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage("nodejs")
        .withReady(false)
        .withRestartCount(0)
        .withNewState()
        .withNewWaiting()
        .withReason("ContainerCreating")
        .endWaiting()
        .endState()
        .build();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
