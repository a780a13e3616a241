package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.NamespaceList;
import dev.deckhand.core.status.ComponentStatus;
import java.util.List;

/**
 * What the sidebar asks a cluster: its namespaces and the odo components in one. Called on a
 * background thread; failures are fabric8's exceptions, classified by the caller.
 */
public interface ClusterBrowser {
  NamespaceList namespaces(ClusterContext context);

  List<ComponentStatus> components(ClusterContext context, String namespace);

  /** Drops what is cached for the context, so the next call reads the kubeconfig afresh. */
  void forget(ClusterContext context);
}
