package dev.deckhand.app.cli;

import dev.deckhand.core.catalog.Platform;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.openshift.api.model.DeploymentConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** The cluster of the current kubeconfig context, as kubectl would pick it. */
final class ClusterConnection {
  private ClusterConnection() {}

  static KubernetesClient open() {
    if (!hasKubeconfig()) {
      throw new CliException(
          "no cluster configured (no kubeconfig): start the local one with 'deckhand sandbox'"
              + " and export the KUBECONFIG it prints, or log in with 'deckhand login'");
    }
    // autoConfigure reads the kubeconfig and keeps re-reading it on 401, so a fresh
    // `oc login` in a terminal heals a running Deckhand: no token is copied in here.
    return new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build();
  }

  static Platform platform(KubernetesClient client) {
    var ctx = client.getConfiguration().getCurrentContext();
    if (ctx != null && "deckhand-sandbox".equals(ctx.getName())) {
      return Platform.SANDBOX;
    }
    return client.supports(DeploymentConfig.class) ? Platform.OPENSHIFT : Platform.KUBERNETES;
  }

  private static boolean hasKubeconfig() {
    String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      for (String f : env.split(java.io.File.pathSeparator)) {
        if (!f.isBlank() && Files.exists(Path.of(f))) {
          return true;
        }
      }
    }
    String prop = System.getProperty("kubeconfig");
    if (prop != null && Files.exists(Path.of(prop))) {
      return true;
    }
    return Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config"));
  }
}
