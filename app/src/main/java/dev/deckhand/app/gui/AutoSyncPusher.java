package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.watch.PushRunner;
import java.nio.file.Path;

/**
 * What auto-sync's watch runs for each batch of changes: a seam so the window can be tested with a
 * fake runner. {@link #open} runs on a background thread (it may connect to the cluster).
 */
@FunctionalInterface
public interface AutoSyncPusher {
  Runner open(Path folder, ClusterContext context, PushListener listener) throws Exception;

  /** Pushes one batch; closed (releasing its client) when auto-sync stops. */
  @FunctionalInterface
  interface Runner extends PushRunner, AutoCloseable {
    @Override
    default void close() {}
  }

  /**
   * Thrown by a runner for a push that failed and already said so to its listener (a {@code
   * PushFinished} event): the push queue must see a failure, the timeline must not get a second.
   */
  final class ReportedFailure extends Exception {
    public ReportedFailure(String summary) {
      super(summary);
    }
  }
}
