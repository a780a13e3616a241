package dev.deckhand.core.cluster;

import dev.deckhand.core.catalog.Platform;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Which kind of cluster a client talks to, asked of the API itself rather than guessed from URLs.
 */
public final class Platforms {
  /** Serves DeploymentConfigs; present on every OpenShift 3.x and 4.x. */
  static final String OPENSHIFT_APPS_GROUP = "apps.openshift.io";

  private Platforms() {}

  /**
   * {@link Platform#SANDBOX} for the embedded sandbox's context (checked first: its OpenShift
   * flavour serves {@value #OPENSHIFT_APPS_GROUP} too), {@link Platform#OPENSHIFT} when discovery
   * ({@code GET /apis}) lists {@value #OPENSHIFT_APPS_GROUP}, else {@link Platform#KUBERNETES}.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when discovery fails; {@link
   *     ErrorClassifier} says why
   */
  public static Platform detect(KubernetesClient client) {
    NamedContext context = client.getConfiguration().getCurrentContext();
    if (context != null && ClusterContext.SANDBOX_CONTEXT.equals(context.getName())) {
      return Platform.SANDBOX;
    }
    return servesOpenShiftApps(client) ? Platform.OPENSHIFT : Platform.KUBERNETES;
  }

  /** As {@link #detect(KubernetesClient)}, with the sandbox recognised from the context entry. */
  public static Platform detect(ClusterContext context, KubernetesClient client) {
    return context.isSandbox() ? Platform.SANDBOX : detect(client);
  }

  private static boolean servesOpenShiftApps(KubernetesClient client) {
    APIGroupList groups = client.getApiGroups();
    if (groups == null || groups.getGroups() == null) {
      return false; // a server without /apis (404) is a very old plain Kubernetes
    }
    return groups.getGroups().stream()
        .map(APIGroup::getName)
        .anyMatch(OPENSHIFT_APPS_GROUP::equals);
  }
}
