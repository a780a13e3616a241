package dev.deckhand.core.status;

import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.Optional;

/** The app container's log: the app's output through supervisord. */
public final class PodLogs {
  private PodLogs() {}

  /** The newest pod of the component that is not being deleted. */
  public static Optional<Pod> currentPod(
      KubernetesClient client, ComponentNames names, String namespace) {
    return client
        .pods()
        .inNamespace(namespace)
        .withLabel(OdoLabels.POD_SELECTOR, names.name())
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
  }

  /**
   * Follows the app container's log into {@code out} until the returned watch is closed or the
   * container ends.
   *
   * @param tailLines how many earlier lines to start with, or null for all
   */
  public static LogWatch follow(
      KubernetesClient client,
      ComponentNames names,
      String namespace,
      String pod,
      Integer tailLines,
      OutputStream out) {
    var log = client.pods().inNamespace(namespace).withName(pod).inContainer(names.name());
    return (tailLines == null ? log : log.tailingLines(tailLines)).watchLog(out);
  }
}
