package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;

/**
 * One sidebar entry: a kubeconfig context, or the sandbox before it runs ({@code context} null).
 */
public record ClusterEntry(String title, String subtitle, ClusterContext context, boolean sandbox) {

  static ClusterEntry of(ClusterContext c) {
    String sub =
        c.usable()
            ? "ns: " + c.namespace() + (c.server() == null ? "" : " · " + c.server())
            : c.problem();
    return new ClusterEntry(c.name(), sub, c, c.isSandbox());
  }

  static ClusterEntry sandboxNotRunning() {
    return new ClusterEntry("Sandbox", "local cluster · not started", null, true);
  }

  public boolean usable() {
    return context != null && context.usable();
  }
}
