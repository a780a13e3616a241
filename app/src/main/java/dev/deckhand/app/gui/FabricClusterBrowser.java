package dev.deckhand.app.gui;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.cluster.ClusterClients;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.NamespaceList;
import dev.deckhand.core.cluster.Platforms;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.NamespaceComponents;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One probe client per context, kept between polls (a client per poll would cost a TLS handshake
 * each time). The platform is asked once per client. After a failure the caller {@link #forget}s
 * the client, so a re-login in a terminal is picked up by the next poll.
 */
public final class FabricClusterBrowser implements ClusterBrowser, AutoCloseable {
  private record Session(KubernetesClient client, boolean openShift, NamespaceComponents reader) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  @Override
  public NamespaceList namespaces(ClusterContext context) {
    Session s = session(context);
    return NamespaceList.read(s.client(), s.openShift(), context.namespace());
  }

  @Override
  public List<ComponentStatus> components(ClusterContext context, String namespace) {
    Session s = session(context);
    synchronized (s) { // NamespaceComponents caches discovery without locking
      return s.reader().read(namespace);
    }
  }

  @Override
  public void forget(ClusterContext context) {
    Session s = sessions.remove(context.name());
    if (s != null) {
      s.client().close();
    }
  }

  private Session session(ClusterContext context) {
    Session s = sessions.get(context.name());
    if (s != null) {
      return s;
    }
    KubernetesClient client = ClusterClients.createForProbe(context);
    try {
      boolean openShift = Platforms.detect(context, client) == Platform.OPENSHIFT;
      s = new Session(client, openShift, new NamespaceComponents(client));
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    Session raced = sessions.putIfAbsent(context.name(), s);
    if (raced != null) {
      client.close();
      return raced;
    }
    return s;
  }

  @Override
  public void close() {
    sessions.values().forEach(s -> s.client().close());
    sessions.clear();
  }
}
