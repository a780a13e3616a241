package dev.deckhand.core.watch;

import static dev.deckhand.core.watch.WatchTestSupport.mkdirs;
import static dev.deckhand.core.watch.WatchTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.watch.WatchTestSupport.Batches;
import dev.deckhand.core.watch.WatchTestSupport.Problems;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {
  private static final Duration QUIET = Duration.ofMillis(100);
  // Debounce plus a margin for a loaded 2-core CI machine; measured here the batch came 100–110 ms
  // after the write (event latency ≈ 1 ms, the rest is the quiet period).
  private static final Duration BATCH_DEADLINE = Duration.ofMillis(1_000);

  @TempDir Path root;
  private final Batches batches = new Batches();
  private final Problems problems = new Problems();
  private FolderWatcher watcher;

  @AfterEach
  void closeWatcher() {
    if (watcher != null) {
      watcher.close();
    }
  }

  private FolderWatcher startWatching(WatchSettings settings) throws Exception {
    return startWatching(settings, FolderWatcher.DIRECTORY_WATCHER);
  }

  private FolderWatcher startWatching(WatchSettings settings, FolderWatcher.WatcherFactory factory)
      throws Exception {
    watcher =
        new FolderWatcher(root, IndexOptions.defaults(), settings, batches, problems, factory);
    watcher.start();
    watcher.ready().get(10, TimeUnit.SECONDS);
    return watcher;
  }

  @Test
  void oneWriteGivesOneBatchWithThePathWithinTheDebounce() throws Exception {
    mkdirs(root, "src");
    startWatching(WatchSettings.defaults().withQuietPeriod(QUIET));
    assertThat(watcher.mode()).isEqualTo(WatchMode.EVENTS);

    long wroteAt = System.nanoTime();
    write(root, "src/App.java", "class App {}");

    await()
        .atMost(BATCH_DEADLINE)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> batches.size() == 1);
    long latencyMs = TimeUnit.NANOSECONDS.toMillis(batches.arrivedNanos.get(0) - wroteAt);
    System.out.println(
        "write -> batch: " + latencyMs + " ms (quiet period " + QUIET.toMillis() + " ms)");
    assertThat(latencyMs).isGreaterThanOrEqualTo(QUIET.toMillis() - 5);
    assertThat(batches.get(0).hints()).contains(Path.of("src/App.java"));
    assertThat(batches.get(0).fullRescan()).isFalse();
    // The create and the write of one save stay one batch.
    await()
        .during(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(1))
        .until(() -> batches.size() == 1);
  }

  @Test
  void aNeverEndingStreamOfWritesStillProducesBatchesAtTheMaxWait() throws Exception {
    startWatching(
        WatchSettings.defaults().withQuietPeriod(QUIET).withMaxWait(Duration.ofMillis(400)));

    // A write every 20 ms never leaves the 100 ms quiet period: only the cap can cut a batch.
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
    int i = 0;
    while (System.nanoTime() < end) {
      write(root, "out/gen" + i++ + ".txt", "x");
      Thread.sleep(20);
    }
    assertThat(batches.size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void ignoredDirectoriesAndDotGitAndDotOdoNeverProduceABatch() throws Exception {
    write(root, ".gitignore", "node_modules/\n*.log\n");
    mkdirs(root, "node_modules/left-pad");
    mkdirs(root, ".git/objects");
    mkdirs(root, "src");
    startWatching(WatchSettings.defaults().withQuietPeriod(QUIET));

    write(root, "node_modules/left-pad/index.js", "module.exports = 1");
    write(root, "node_modules/new-package/deep/index.js", "x"); // new dirs under an ignored one
    write(root, "src/debug.log", "noise");
    write(root, ".git/index", "git writes here");
    write(root, ".git/objects/ab/cdef", "blob");
    // What the indexer does on every scan: creates .odo/, a clock probe, the index file.
    Path probe = Files.createTempFile(mkdirs(root, ".odo"), ".clock", ".tmp");
    Files.delete(probe);
    write(root, ".odo/odo-file-index.json", "{}");

    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(2))
        .until(() -> batches.size() == 0);

    // Still watching: a real edit comes through, alone.
    write(root, "src/main.js", "console.log(1)");
    await().atMost(BATCH_DEADLINE).until(() -> batches.size() == 1);
    assertThat(batches.get(0).hints()).containsExactly(Path.of("src/main.js"));
  }

  @Test
  void aDirectoryCreatedAfterStartIsWatched() throws Exception {
    startWatching(WatchSettings.defaults().withQuietPeriod(QUIET));

    mkdirs(root, "src/feature");
    await().atMost(BATCH_DEADLINE).until(() -> batches.size() == 1);
    assertThat(batches.get(0).hints()).contains(Path.of("src/feature"));

    write(root, "src/feature/New.java", "class New {}");
    await().atMost(BATCH_DEADLINE).until(() -> batches.size() == 2);
    assertThat(batches.get(1).hints()).containsExactly(Path.of("src/feature/New.java"));
  }

  @Test
  void aWatcherExceptionGivesAFullRescanAndARestartedWatch() throws Exception {
    startWatching(WatchSettings.defaults().withQuietPeriod(QUIET));

    watcher.currentListener().onException(new IOException("boom"));

    await().atMost(Duration.ofSeconds(3)).until(() -> batches.size() == 1);
    assertThat(batches.get(0).fullRescan()).isTrue();
    assertThat(problems.messages)
        .anySatisfy(m -> assertThat(m).contains("watching degraded").contains("boom"));
    assertThat(problems.modes).containsSubsequence(WatchMode.RESTARTING, WatchMode.EVENTS);
    await().atMost(Duration.ofSeconds(2)).until(() -> watcher.mode() == WatchMode.EVENTS);

    // The restarted watcher sees edits.
    write(root, "after-restart.txt", "x");
    await().atMost(BATCH_DEADLINE).until(() -> batches.size() == 2);
    assertThat(batches.get(1).hints()).contains(Path.of("after-restart.txt"));
  }

  @Test
  void anOverflowGivesAFullRescan() throws Exception {
    startWatching(WatchSettings.defaults().withQuietPeriod(QUIET));

    watcher
        .currentListener()
        .onEvent(
            new DirectoryChangeEvent(
                DirectoryChangeEvent.EventType.OVERFLOW, false, null, null, 1, root));

    await().atMost(Duration.ofSeconds(3)).until(() -> batches.size() == 1);
    assertThat(batches.get(0).fullRescan()).isTrue();
    assertThat(problems.messages).anySatisfy(m -> assertThat(m).contains("events were lost"));
  }

  @Test
  void registrationFailureFallsBackToPolling() throws Exception {
    FolderWatcher.WatcherFactory inotifyExhausted =
        (dir, visitor, listener) ->
            DirectoryWatcher.builder()
                .path(dir)
                .fileHashing(false)
                .fileTreeVisitor(
                    (start, onDir, onFile) -> {
                      throw new IOException("User limit of inotify watches reached");
                    })
                .listener(listener)
                .build();
    startWatching(
        WatchSettings.defaults().withQuietPeriod(QUIET).withPollInterval(Duration.ofMillis(300)),
        inotifyExhausted);

    assertThat(watcher.ready().get()).isEqualTo(WatchMode.POLLING);
    assertThat(problems.messages)
        .anySatisfy(m -> assertThat(m).contains("inotify").contains("max_user_watches"));
    // One rescan at once (what happened so far went unseen), then one per poll interval.
    await().atMost(Duration.ofSeconds(3)).until(() -> batches.size() >= 3);
    assertThat(batches.batches).allMatch(ChangeBatch::fullRescan);
  }

  @Test
  void startReturnsBeforeRegistrationAndCloseLeavesNoThread() throws Exception {
    watcher =
        new FolderWatcher(
            root, IndexOptions.defaults(), WatchSettings.defaults(), batches, problems);
    watcher.start(); // returns at once; registration is on the control thread
    assertThat(watcher.ready().get(10, TimeUnit.SECONDS)).isEqualTo(WatchMode.EVENTS);
    write(root, "a.txt", "a");
    await().atMost(BATCH_DEADLINE).until(() -> batches.size() == 1);

    watcher.close();

    assertThat(watcher.mode()).isEqualTo(WatchMode.CLOSED);
    assertThat(WatchTestSupport.liveThreadsNamed(WatchThreads.PREFIX)).isEmpty();
  }

  @Test
  void aNewGitignoreRuleStopsBatchesFromThatDirectory() throws Exception {
    mkdirs(root, "build");
    startWatching(WatchSettings.defaults().withQuietPeriod(QUIET));

    write(root, ".gitignore", "build/\n");
    await().atMost(BATCH_DEADLINE).until(() -> batches.size() == 1);
    assertThat(batches.get(0).hints()).contains(Path.of(".gitignore"));
    await().atMost(Duration.ofSeconds(2)).until(() -> watcher.mode() == WatchMode.EVENTS);
    int settled = batches.size();

    write(root, "build/out.class", "cafebabe");
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                batches.batches.stream()
                    .skip(settled)
                    .noneMatch(b -> b.hints().contains(Path.of("build/out.class"))));
  }
}
