package dev.deckhand.core.push;

import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.client.OpenShiftClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes a component from the cluster by odo's labels, as {@code odo delete} does (owner
 * references take what is left). The local folder is never touched; only the sync state goes, since
 * the container it describes is gone and the next push must send everything.
 */
public final class ComponentDeleter {
  private final KubernetesClient client;

  public ComponentDeleter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @return what was deleted, one {@code "Kind name"} per object, for the user to read
   */
  public List<String> delete(Path folder, ComponentNames names, String namespace)
      throws IOException {
    String selector =
        OdoLabels.INSTANCE
            + "="
            + names.component()
            + ","
            + OdoLabels.PART_OF
            + "="
            + names.application();
    List<String> deleted = new ArrayList<>();
    String ns = namespace;
    note(
        deleted,
        "Deployment",
        client.apps().deployments().inNamespace(ns).withLabelSelector(selector).delete());
    if (client.supports(DeploymentConfig.class)) {
      OpenShiftClient os = client.adapt(OpenShiftClient.class);
      note(
          deleted,
          "DeploymentConfig",
          os.deploymentConfigs().inNamespace(ns).withLabelSelector(selector).delete());
      note(deleted, "Route", os.routes().inNamespace(ns).withLabelSelector(selector).delete());
      note(
          deleted,
          "ImageStream",
          os.imageStreams().inNamespace(ns).withLabelSelector(selector).delete());
    }
    note(
        deleted, "Service", client.services().inNamespace(ns).withLabelSelector(selector).delete());
    note(deleted, "Secret", client.secrets().inNamespace(ns).withLabelSelector(selector).delete());
    note(
        deleted,
        "PersistentVolumeClaim",
        client.persistentVolumeClaims().inNamespace(ns).withLabelSelector(selector).delete());
    note(
        deleted,
        "Ingress",
        client.network().v1().ingresses().inNamespace(ns).withLabelSelector(selector).delete());
    SyncState.forget(folder);
    return deleted;
  }

  private static void note(List<String> deleted, String kind, List<StatusDetails> details) {
    for (StatusDetails d : details) {
      deleted.add(kind + " " + d.getName());
    }
  }

  /**
   * Removes the folder's {@code .odo} directory (config, index, sync state), and nothing else: the
   * sources stay. Links inside it are removed, never followed.
   */
  public static void deleteLocalConfig(Path folder) throws IOException {
    Path odo = folder.resolve(".odo");
    if (!Files.isDirectory(odo, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(odo)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
