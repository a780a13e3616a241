package dev.deckhand.core.push;

import dev.deckhand.core.event.AppState;
import dev.deckhand.core.status.AppMark;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.openshift.api.model.DeploymentConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records on the component's workload what a push left its app doing ({@link AppMark}), so status
 * readers (the sidebar, {@code deckhand status}) can tell "container up" from "app running" without
 * an exec. Best effort: a mark that cannot be written leaves the previous one, and the push goes
 * on.
 */
final class AppMarker {
  private static final Logger LOG = LoggerFactory.getLogger(AppMarker.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String workload;

  AppMarker(KubernetesClient client, String namespace, String workload) {
    this.client = client;
    this.namespace = namespace;
    this.workload = workload;
  }

  /** Writes nothing: for the stage's own tests, which have no cluster. */
  static AppMarker none() {
    return new AppMarker(null, null, null);
  }

  /** A push created the workload: its app has not been started yet. */
  void created() {
    mark(AppMark.NOT_STARTED);
  }

  /** assemble-and-restart succeeded. */
  void started() {
    mark(AppMark.STARTED);
  }

  /** The supervisor said {@code state} after assemble-and-restart failed or the app was checked. */
  void failed(AppState state) {
    if (state == AppState.STOPPED || state == AppState.RESTARTING) {
      mark(AppMark.DOWN);
    }
  }

  private void mark(AppMark mark) {
    if (client == null) {
      return;
    }
    try {
      Resource<Deployment> deployment =
          client.apps().deployments().inNamespace(namespace).withName(workload);
      if (annotate(deployment, mark)) {
        return;
      }
      annotate(
          client.resources(DeploymentConfig.class).inNamespace(namespace).withName(workload), mark);
    } catch (KubernetesClientException e) {
      LOG.debug("cannot mark {} as {}: {}", workload, mark, e.getMessage());
    }
  }

  /** Whether the workload exists (then it now carries the mark). */
  private static <T extends HasMetadata> boolean annotate(Resource<T> resource, AppMark mark) {
    T current = resource.get();
    if (current == null) {
      return false;
    }
    Map<String, String> annotations = current.getMetadata().getAnnotations();
    if (annotations != null && Objects.equals(annotations.get(AppMark.ANNOTATION), mark.value())) {
      return true;
    }
    resource.edit(
        w -> {
          Map<String, String> a =
              w.getMetadata().getAnnotations() == null
                  ? new HashMap<>()
                  : new HashMap<>(w.getMetadata().getAnnotations());
          a.put(AppMark.ANNOTATION, mark.value());
          w.getMetadata().setAnnotations(a);
          return w;
        });
    return true;
  }
}
