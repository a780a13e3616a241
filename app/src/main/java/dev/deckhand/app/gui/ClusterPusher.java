package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterClients;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.Platforms;
import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushSession;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/** The real push: the engine's {@link PushSession} with a client of the selected context. */
public final class ClusterPusher implements ComponentPusher {
  @Override
  public void push(Path folder, ClusterContext context, PushListener listener) throws Exception {
    try (KubernetesClient client = ClusterClients.create(context)) {
      new PushSession(
              folder, client, Platforms.detect(context, client), PushOptions.defaults(), listener)
          .run();
    }
  }
}
