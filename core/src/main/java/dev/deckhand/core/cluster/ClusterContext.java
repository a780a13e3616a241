package dev.deckhand.core.cluster;

import java.nio.file.Path;

/**
 * One kubeconfig context as kubectl resolves it across all kubeconfig files.
 *
 * @param name the context's name
 * @param clusterName the cluster entry it names
 * @param server the cluster's API URL, or {@code null} when the cluster entry is missing
 * @param namespace the context's namespace, {@value #DEFAULT_NAMESPACE} when it sets none
 * @param userName the user entry it names
 * @param sourceFile the kubeconfig file that defines this context
 * @param clusterFile the file that defines its cluster entry, {@code null} when missing
 * @param userFile the file that defines its user entry, {@code null} when missing
 * @param isCurrent whether this is the merged kubeconfig's current context
 * @param problem why this context cannot be used, or {@code null} when it can
 */
public record ClusterContext(
    String name,
    String clusterName,
    String server,
    String namespace,
    String userName,
    Path sourceFile,
    Path clusterFile,
    Path userFile,
    boolean isCurrent,
    String problem) {

  public static final String DEFAULT_NAMESPACE = "default";

  /** The context name the embedded sandbox writes for itself. */
  public static final String SANDBOX_CONTEXT = "deckhand-sandbox";

  public boolean usable() {
    return problem == null;
  }

  /** The sandbox names its context and cluster {@value #SANDBOX_CONTEXT}; a merge keeps both. */
  public boolean isSandbox() {
    return SANDBOX_CONTEXT.equals(name) || SANDBOX_CONTEXT.equals(clusterName);
  }
}
