package dev.deckhand.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the user's contexts the way kubectl would show them. */
public final class Kubeconfigs {
  private Kubeconfigs() {}

  /**
   * Never throws for a bad file or entry: that becomes a warning or the entry's {@code problem}, so
   * one broken file does not hide the user's other clusters.
   *
   * @param env the environment ({@code KUBECONFIG} is read from it)
   * @param home the user's home folder ({@code ~/.kube/config} lives there)
   */
  public static KubeconfigView load(Map<String, String> env, Path home) {
    return load(KubeconfigFiles.resolve(env, home), KubeconfigFiles.named(env));
  }

  /** For the running process: its environment and {@code user.home}. */
  public static KubeconfigView loadForProcess() {
    return load(KubeconfigFiles.resolveForProcess(), KubeconfigFiles.namedForProcess());
  }

  public static KubeconfigView load(List<Path> files) {
    return load(files, false);
  }

  /**
   * @param named whether the user named the files ({@code KUBECONFIG}): kubectl skips a missing one
   *     silently, but when nothing else is configured that silence hid a typo
   */
  private static KubeconfigView load(List<Path> files, boolean named) {
    MergedKubeconfig merged = MergedKubeconfig.read(files);
    List<ClusterContext> contexts = new ArrayList<>();
    for (MergedKubeconfig.Entry entry : merged.contexts.values()) {
      contexts.add(toContext(entry, merged));
    }
    List<String> warnings = new ArrayList<>(merged.warnings);
    if (named) {
      for (Path file : files) {
        if (!Files.exists(file)) {
          warnings.add(file + ": no such file (named in " + KubeconfigFiles.KUBECONFIG + ")");
        }
      }
    }
    String current = merged.currentContext;
    if (current != null && !merged.contexts.containsKey(current)) {
      warnings.add("current-context \"" + current + "\" is not defined in any kubeconfig file");
    }
    return new KubeconfigView(contexts, current, warnings);
  }

  private static ClusterContext toContext(MergedKubeconfig.Entry entry, MergedKubeconfig merged) {
    JsonNode body = entry.body("context");
    String clusterName = KubeconfigYaml.text(body, "cluster");
    String userName = KubeconfigYaml.text(body, "user");
    String namespace = KubeconfigYaml.text(body, "namespace");
    MergedKubeconfig.Entry cluster = clusterName == null ? null : merged.clusters.get(clusterName);
    MergedKubeconfig.Entry user = userName == null ? null : merged.users.get(userName);
    String server = cluster == null ? null : KubeconfigYaml.text(cluster.body("cluster"), "server");

    String problem = null;
    if (body == null || !body.isObject()) {
      problem = "context has no body";
    } else if (clusterName == null) {
      problem = "context names no cluster";
    } else if (cluster == null) {
      problem = "cluster \"" + clusterName + "\" is not defined in any kubeconfig file";
    } else if (server == null) {
      problem = "cluster \"" + clusterName + "\" has no server URL";
    } else if (userName != null && user == null) {
      problem = "user \"" + userName + "\" is not defined in any kubeconfig file";
    }
    // A context without a user is legal (anonymous access), as kubectl allows it.
    return new ClusterContext(
        entry.name(),
        clusterName,
        server,
        namespace == null ? ClusterContext.DEFAULT_NAMESPACE : namespace,
        userName,
        entry.file(),
        cluster == null ? null : cluster.file(),
        user == null ? null : user.file(),
        entry.name().equals(merged.currentContext),
        problem);
  }
}
