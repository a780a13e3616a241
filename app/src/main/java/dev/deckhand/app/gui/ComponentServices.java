package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterClients;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.push.ComponentDeleter;
import dev.deckhand.core.push.LineSplitter;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.ComponentStatusWatcher;
import dev.deckhand.core.status.PodLogs;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the component page asks of the cluster besides pushing: a status watch, the app's log, and
 * deletion. A seam, so scripted pages and tests run without a cluster.
 */
public record ComponentServices(StatusSource status, LogSource logs, ComponentRemover remover) {

  /** Watches a component; the listener is called on a background thread. */
  @FunctionalInterface
  public interface StatusSource {
    AutoCloseable watch(
        ComponentInfo component, ClusterContext context, Consumer<ComponentStatus> listener)
        throws Exception;
  }

  /** Follows the app container's log of one pod; lines arrive on a background thread. */
  @FunctionalInterface
  public interface LogSource {
    AutoCloseable follow(
        ComponentInfo component, ClusterContext context, String pod, Consumer<String> line)
        throws Exception;
  }

  /** Deletes the component's cluster objects; returns what was deleted. Blocks. */
  @FunctionalInterface
  public interface ComponentRemover {
    List<String> delete(ComponentInfo component, ClusterContext context) throws Exception;
  }

  /** Lines of history a newly followed log starts with. */
  static final int LOG_TAIL = 500;

  /** Nothing on a cluster: no status, no logs; deleting says it is not available. */
  public static ComponentServices none() {
    return new ComponentServices(
        (c, x, l) -> () -> {},
        (c, x, p, l) -> () -> {},
        (c, x) -> {
          throw new UnsupportedOperationException("deleting is not available here");
        });
  }

  /** The real cluster, one client per watch, log or delete. */
  public static ComponentServices cluster() {
    return cluster(ClusterClients::create);
  }

  /** With another way to get a client (tests: fabric8's mock server). */
  public static ComponentServices cluster(Function<ClusterContext, KubernetesClient> clients) {
    return new ComponentServices(
        (c, x, listener) -> {
          KubernetesClient client = clients.apply(x);
          try {
            ComponentStatusWatcher watcher =
                ComponentStatusWatcher.start(client, names(c), c.namespace(), listener);
            return () -> {
              watcher.close();
              client.close();
            };
          } catch (RuntimeException e) {
            client.close();
            throw e;
          }
        },
        (c, x, pod, line) -> {
          KubernetesClient client = clients.apply(x);
          LineSplitter out = new LineSplitter(line);
          try {
            LogWatch watch = PodLogs.follow(client, names(c), c.namespace(), pod, LOG_TAIL, out);
            return () -> {
              watch.close();
              out.close();
              client.close();
            };
          } catch (RuntimeException e) {
            client.close();
            throw e;
          }
        },
        (c, x) -> {
          try (KubernetesClient client = clients.apply(x)) {
            return new ComponentDeleter(client).delete(c.folder(), names(c), c.namespace());
          }
        });
  }

  static ComponentNames names(ComponentInfo c) {
    return new ComponentNames(c.name(), c.application());
  }
}
