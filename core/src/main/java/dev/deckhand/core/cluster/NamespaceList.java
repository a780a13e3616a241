package dev.deckhand.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.client.OpenShiftClient;
import java.util.List;
import java.util.Objects;

/**
 * The namespaces a person may work in on a cluster.
 *
 * @param names sorted names, never empty
 * @param listed whether the server listed them; {@code false} means only the context's namespace is
 *     known because listing was forbidden
 * @param note why the list is partial (one line), or {@code null}
 */
public record NamespaceList(List<String> names, boolean listed, String note) {
  public NamespaceList {
    names = List.copyOf(names);
  }

  /**
   * On OpenShift lists projects, which every user may list (the server filters them to the user's
   * own), elsewhere namespaces. A 403 on the list is normal for OpenShift users and locked-down
   * clusters: the context's namespace is then the one to use.
   *
   * @param openShift whether the cluster serves {@code project.openshift.io}
   * @throws KubernetesClientException for any failure but 403 ({@link ErrorClassifier} says why)
   */
  public static NamespaceList read(
      KubernetesClient client, boolean openShift, String contextNamespace) {
    try {
      List<? extends HasMetadata> items =
          openShift
              ? client.adapt(OpenShiftClient.class).projects().list().getItems()
              : client.namespaces().list().getItems();
      List<String> names =
          items.stream()
              .map(i -> i.getMetadata().getName())
              .filter(Objects::nonNull)
              .sorted()
              .toList();
      if (names.isEmpty()) {
        return new NamespaceList(List.of(contextNamespace), false, "no namespaces listed");
      }
      return new NamespaceList(names, true, null);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403
          && !ErrorClassifier.classify(e).kind().equals(ClusterError.Kind.UNAUTHORIZED)) {
        return new NamespaceList(
            List.of(contextNamespace),
            false,
            "not allowed to list "
                + (openShift ? "projects" : "namespaces")
                + "; showing the context's");
      }
      throw e;
    }
  }
}
