package dev.deckhand.core.cluster;

import java.util.List;
import java.util.Optional;

/**
 * The merged view of all kubeconfig files.
 *
 * @param contexts every context, in the order kubectl lists them (file order, then entry order)
 * @param current the current context's name, or {@code null} when no file sets one
 * @param warnings problems that hid a whole file or an entry, one line each
 */
public record KubeconfigView(List<ClusterContext> contexts, String current, List<String> warnings) {
  public KubeconfigView {
    contexts = List.copyOf(contexts);
    warnings = List.copyOf(warnings);
  }

  public Optional<ClusterContext> context(String name) {
    return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<ClusterContext> currentContext() {
    return contexts.stream().filter(ClusterContext::isCurrent).findFirst();
  }
}
