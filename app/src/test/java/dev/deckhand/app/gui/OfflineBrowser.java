package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.NamespaceList;
import dev.deckhand.core.status.ComponentStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.util.List;

/** For GUI tests about other things: every cluster is unreachable at once, nothing dials out. */
enum OfflineBrowser implements ClusterBrowser {
  INSTANCE;

  @Override
  public NamespaceList namespaces(ClusterContext context) {
    throw offline(context);
  }

  @Override
  public List<ComponentStatus> components(ClusterContext context, String namespace) {
    throw offline(context);
  }

  @Override
  public void forget(ClusterContext context) {}

  private static KubernetesClientException offline(ClusterContext context) {
    return new KubernetesClientException(
        "Failed to connect to " + context.server(), new ConnectException("Connection refused"));
  }
}
