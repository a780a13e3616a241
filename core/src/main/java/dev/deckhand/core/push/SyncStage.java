package dev.deckhand.core.push;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import dev.deckhand.core.index.IndexResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The sync stage: one exec that deletes and extracts, with progress events as bytes go out. */
final class SyncStage {
  private SyncStage() {}

  static RemoteSync.Result run(
      StageClock events,
      ContainerExec exec,
      Path root,
      SyncPlan plan,
      Map<String, String> env,
      IndexResult scanned,
      Duration timeout)
      throws PushFailedException, InterruptedException {
    events.start(Stage.SYNC, null);
    long totalBytes = 0;
    for (String p : plan.send()) {
      var e = scanned.index().get(p);
      totalBytes += e == null || scanned.index().isDirectory(p) ? 0 : e.size();
    }
    long total = totalBytes;
    int totalFiles = plan.send().size();
    long[] lastReport = {0};
    TarStreamer.Progress progress =
        (files, bytes) -> {
          long now = System.nanoTime();
          if (now - lastReport[0] > 100_000_000L || files == totalFiles) {
            lastReport[0] = now;
            events.emit(
                new PushEvent.StageProgress(
                    events.now(), Stage.SYNC, files, totalFiles, bytes, total));
          }
        };
    try {
      RemoteSync.Result r = RemoteSync.run(exec, root, plan, S2iPaths.from(env), progress, timeout);
      if (!r.needsFull()) {
        events.done(
            Stage.SYNC,
            null,
            (plan.full() ? "full: " : "")
                + r.entries()
                + (r.entries() == 1 ? " entry, " : " entries, ")
                + plan.delete().size()
                + " deleted, "
                + r.contentBytes()
                + " bytes in one exec");
      } else {
        events.done(Stage.SYNC, null, "the container lost its files; sending everything");
      }
      return r;
    } catch (ContainerExec.ConnectionLostException e) {
      throw new PushFailedException(
          Stage.SYNC,
          "the connection to "
              + e.server()
              + " was lost during the sync; nothing was recorded as sent");
    } catch (ContainerExec.ContainerGoneException e) {
      throw new PushFailedException(
          Stage.SYNC,
          "the pod "
              + e.pod()
              + " was deleted during the sync; nothing was recorded as sent; push again for a"
              + " new pod");
    } catch (IOException e) {
      throw new PushFailedException(Stage.SYNC, e.getMessage());
    }
  }
}
