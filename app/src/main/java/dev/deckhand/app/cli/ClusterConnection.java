package dev.deckhand.app.cli;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.cluster.ClusterClients;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ClusterError;
import dev.deckhand.core.cluster.ClusterProbe;
import dev.deckhand.core.cluster.ClusterTimeouts;
import dev.deckhand.core.cluster.KubeconfigView;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.cluster.Platforms;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The cluster of the current kubeconfig context, chosen with kubectl's rules. */
final class ClusterConnection {
  private ClusterConnection() {}

  static ClusterContext currentContext() {
    KubeconfigView view = Kubeconfigs.loadForProcess();
    ClusterContext ctx =
        view.currentContext()
            .orElseThrow(
                () ->
                    new CliException(
                        !view.warnings().isEmpty()
                            // a broken or missing file explains the missing context better than
                            // "no kubeconfig" did
                            ? "no cluster configured: " + String.join("; ", view.warnings())
                            : view.contexts().isEmpty()
                                ? "no cluster configured (no kubeconfig): start the local one with"
                                    + " 'deckhand sandbox' and export the KUBECONFIG it prints, or"
                                    + " log in with 'deckhand login'"
                                : "the kubeconfig has no current context; pick one with kubectl"
                                    + " config use-context"));
    if (!ctx.usable()) {
      throw new CliException("context " + ctx.name() + " cannot be used: " + ctx.problem());
    }
    return ctx;
  }

  /**
   * A client that keeps reading the kubeconfig (no token copied in), so a fresh {@code oc login} in
   * a terminal heals a running Deckhand. Fails with one line when the server cannot be reached.
   */
  static KubernetesClient open() {
    ClusterContext ctx = currentContext();
    ClusterTimeouts timeouts = ClusterTimeouts.current();
    ensureReachable(ctx, timeouts);
    return ClusterClients.create(ctx, timeouts);
  }

  /**
   * A refused connection is known in milliseconds and an unanswered one after one timeout; asking
   * once up front says so at once, instead of after every call of the command has failed.
   */
  static void ensureReachable(ClusterContext ctx, ClusterTimeouts timeouts) {
    ClusterError unreachable;
    try {
      unreachable = ClusterProbe.check(ctx, timeouts);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while connecting to " + ctx.server());
    }
    if (unreachable != null) {
      throw new CliException(unreachable.describe());
    }
  }

  /** A client and the platform it talks to, from one reading of the kubeconfig. */
  record Connection(
      KubernetesClient client, Platform platform, ClusterContext context, ClusterTimeouts timeouts)
      implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }

  static Connection connect() {
    ClusterContext ctx = currentContext();
    ClusterTimeouts timeouts = ClusterTimeouts.current();
    ensureReachable(ctx, timeouts);
    KubernetesClient client = ClusterClients.create(ctx, timeouts);
    return new Connection(client, Platforms.detect(ctx, client), ctx, timeouts);
  }
}
