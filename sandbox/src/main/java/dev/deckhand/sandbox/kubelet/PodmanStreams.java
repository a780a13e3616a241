package dev.deckhand.sandbox.kubelet;

import dev.deckhand.sandbox.api.ExecBackend;
import dev.deckhand.sandbox.api.LogBackend;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code pods/exec} by {@code podman exec} and {@code pods/log} by {@code podman logs}. */
public final class PodmanStreams implements ExecBackend, LogBackend {
  private final KubernetesClient client;
  private final PodmanCli podman;
  private final Supplier<Map<String, Map<String, ContainerSnapshot>>> states;
  private final PodmanNames names;

  PodmanStreams(
      KubernetesClient client,
      PodmanCli podman,
      Supplier<Map<String, Map<String, ContainerSnapshot>>> states,
      PodmanNames names) {
    this.client = client;
    this.podman = podman;
    this.states = states;
    this.names = names;
  }

  @Override
  public Process start(
      String namespace, String pod, String container, List<String> command, boolean stdin)
      throws IOException, ExecRefusedException {
    Target t = target(namespace, pod, container, true);
    List<String> args = new ArrayList<>(List.of("exec"));
    if (stdin) {
      args.add("-i");
    }
    args.add(t.podmanName());
    args.addAll(command);
    return podman.start(args, stdin);
  }

  @Override
  public Process open(
      String namespace, String pod, String container, boolean follow, Integer tailLines)
      throws IOException, ExecRefusedException {
    Target t = target(namespace, pod, container, false);
    List<String> args = new ArrayList<>(List.of("logs"));
    if (follow) {
      args.add("--follow");
    }
    if (tailLines != null) {
      args.addAll(List.of("--tail", "" + tailLines));
    }
    args.add(t.podmanName());
    return podman.start(args, false, true);
  }

  private record Target(String podmanName) {}

  private Target target(String namespace, String podName, String container, boolean mustRun)
      throws ExecRefusedException {
    Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
    if (pod == null) {
      throw new ExecRefusedException("pods \"" + podName + "\" not found");
    }
    String name = container;
    if (name == null || name.isEmpty()) {
      name = pod.getSpec().getContainers().get(0).getName();
    } else if (PodRuntime.allContainers(pod).stream()
        .map(Container::getName)
        .noneMatch(name::equals)) {
      throw new ExecRefusedException("container " + name + " is not valid for pod " + podName);
    }
    ContainerSnapshot s = states.get().getOrDefault(pod.getMetadata().getUid(), Map.of()).get(name);
    if (s == null) {
      throw new ExecRefusedException(
          "container \"" + name + "\" in pod \"" + podName + "\" is waiting to start");
    }
    if (mustRun && !s.running()) {
      throw new ExecRefusedException(
          "container \""
              + name
              + "\" in pod \""
              + podName
              + "\" is not running ("
              + s.state()
              + ")");
    }
    return new Target(names.container(namespace, podName, name));
  }
}
