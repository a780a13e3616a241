package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.event.PushListener;
import java.nio.file.Path;

/** Runs one push of a folder to a context; blocks, so it is only called on a background thread. */
@FunctionalInterface
public interface ComponentPusher {
  void push(Path folder, ClusterContext context, PushListener listener) throws Exception;
}
