package dev.deckhand.app.gui;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.cluster.ClusterClients;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.Platforms;
import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.lock.FolderLock;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The real push: the engine's {@link PushSession} with a client of the selected context. Auto-sync
 * keeps one client for the watch and reuses the running pod, as {@code deckhand watch} does.
 */
public final class ClusterPusher implements ComponentPusher, AutoSyncPusher {
  /** How the window appears in another process's "being synced by" line. */
  static final String WINDOW = "the Deckhand window";

  @Override
  public void push(Path folder, ClusterContext context, PushListener listener) throws Exception {
    // Shared with this window's own auto-sync of the folder; another process's sync refuses it.
    try (FolderLock.Lease lease = FolderLock.acquire(folder, WINDOW, false);
        KubernetesClient client = ClusterClients.create(context)) {
      new PushSession(
              folder, client, Platforms.detect(context, client), PushOptions.defaults(), listener)
          .run();
    }
  }

  @Override
  public Runner open(Path folder, ClusterContext context, PushListener listener)
      throws IOException {
    FolderLock.Lease lease = FolderLock.acquire(folder, WINDOW, true);
    KubernetesClient client;
    Platform platform;
    try {
      client = ClusterClients.create(context);
      try {
        platform = Platforms.detect(context, client);
      } catch (RuntimeException e) {
        client.close();
        throw e;
      }
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
    PushOptions options = PushOptions.defaults().withReuseRunningPod(true);
    return new Runner() {
      @Override
      public void push(dev.deckhand.core.watch.ChangeBatch batch) throws Exception {
        PushResult r = new PushSession(folder, client, platform, options, listener).run();
        if (!r.success()) {
          throw new ReportedFailure(r.summary());
        }
      }

      @Override
      public void close() {
        client.close();
        lease.close();
      }
    };
  }
}
