package dev.deckhand.core.watch;

import static dev.deckhand.core.watch.WatchTestSupport.mkdirs;
import static dev.deckhand.core.watch.WatchTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.index.IndexOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchesTest {
  @TempDir Path tmp;
  private final Watches watches = new Watches(WatchSettings.defaults());
  private final Watches.Events quiet = new Watches.Events() {};

  private Watches closeLater;

  @AfterEach
  void closeAll() {
    watches.close();
    if (closeLater != null) {
      closeLater.close();
    }
  }

  /** A fake push that takes a while, as a real exec round trip plus restart would. */
  private static final class SlowPush implements PushRunner {
    final List<ChangeBatch> batches = new CopyOnWriteArrayList<>();
    final long millis;

    SlowPush(long millis) {
      this.millis = millis;
    }

    @Override
    public void push(ChangeBatch batch) throws InterruptedException {
      batches.add(batch);
      Thread.sleep(millis);
    }
  }

  private ComponentWatch startReady(Path root, PushRunner runner) throws Exception {
    ComponentWatch watch = watches.start(root, IndexOptions.defaults(), runner, quiet);
    assertThat(watch.watcher().ready().get(10, TimeUnit.SECONDS)).isEqualTo(WatchMode.EVENTS);
    return watch;
  }

  @Test
  void aBurstOf2000WritesGivesAtMostTwoPushesAndLosesNothing() throws Exception {
    // A wider quiet period and cap than the defaults: on this 2-core VM under load (load average
    // ~12 from parallel builds) the 2,000 creates alone took 1.8–2.5 s, so the default 2 s cap
    // rightly cut the burst into a third push. What is tested is the coalescing, not the values.
    Path root = mkdirs(tmp, "app");
    SlowPush push = new SlowPush(300);
    Watches burstWatches =
        new Watches(
            WatchSettings.defaults()
                .withQuietPeriod(Duration.ofMillis(250))
                .withMaxWait(Duration.ofSeconds(10)));
    closeLater = burstWatches;
    ComponentWatch watch = burstWatches.start(root, IndexOptions.defaults(), push, quiet);
    assertThat(watch.watcher().ready().get(10, TimeUnit.SECONDS)).isEqualTo(WatchMode.EVENTS);

    Set<Path> written = new HashSet<>();
    long start = System.nanoTime();
    for (int i = 0; i < 2_000; i++) {
      String rel = "src/pkg" + (i % 20) + "/File" + i + ".java";
      write(root, rel, "class File" + i + " {}");
      written.add(Path.of(rel));
    }
    long burstMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                watch.pushes().state() == PushQueue.State.IDLE && coversAll(push.batches, written));
    // Nothing more trickles in afterwards.
    int pushes = push.batches.size();
    await()
        .during(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(2))
        .until(() -> push.batches.size() == pushes);
    System.out.println("2000-file burst written in " + burstMs + " ms -> " + pushes + " push(es)");
    assertThat(pushes).isBetween(1, 2);
  }

  /** Every written path is hinted, or some batch asked for a full rescan. */
  private static boolean coversAll(List<ChangeBatch> batches, Set<Path> written) {
    Set<Path> hinted = new HashSet<>();
    for (ChangeBatch b : batches) {
      if (b.fullRescan()) {
        return true;
      }
      hinted.addAll(b.hints());
    }
    return hinted.containsAll(written);
  }

  @Test
  void anEditDuringARunningPushGivesExactlyOneFollowUpPush() throws Exception {
    Path root = mkdirs(tmp, "app");
    CountDownLatch firstPushRunning = new CountDownLatch(1);
    CountDownLatch releaseFirstPush = new CountDownLatch(1);
    List<ChangeBatch> batches = new CopyOnWriteArrayList<>();
    ComponentWatch watch =
        startReady(
            root,
            batch -> {
              batches.add(batch);
              if (batches.size() == 1) {
                firstPushRunning.countDown();
                releaseFirstPush.await();
              }
            });

    write(root, "a.txt", "1");
    assertThat(firstPushRunning.await(5, TimeUnit.SECONDS)).isTrue();
    write(root, "b.txt", "2");
    write(root, "c.txt", "3");
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> watch.pushes().state() == PushQueue.State.PUSHING_AND_QUEUED);
    releaseFirstPush.countDown();

    await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 2);
    await()
        .during(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(2))
        .until(() -> batches.size() == 2);
    assertThat(batches.get(0).hints()).containsExactly(Path.of("a.txt"));
    assertThat(batches.get(1).hints())
        .containsExactlyInAnyOrder(Path.of("b.txt"), Path.of("c.txt"));
  }

  @Test
  void twoComponentsWatchedAtOnceDoNotMixBatches() throws Exception {
    Path frontend = mkdirs(tmp, "frontend");
    Path backend = mkdirs(tmp, "backend");
    List<ChangeBatch> frontBatches = new CopyOnWriteArrayList<>();
    List<ChangeBatch> backBatches = new CopyOnWriteArrayList<>();
    startReady(frontend, frontBatches::add);
    startReady(backend, backBatches::add);
    assertThat(watches.roots()).containsExactlyInAnyOrder(frontend, backend);

    write(frontend, "index.html", "<html/>");
    write(backend, "Main.java", "class Main {}");

    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> !frontBatches.isEmpty() && !backBatches.isEmpty());
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> frontBatches.size() == 1 && backBatches.size() == 1);
    assertThat(frontBatches.get(0).hints()).containsExactly(Path.of("index.html"));
    assertThat(backBatches.get(0).hints()).containsExactly(Path.of("Main.java"));
  }

  @Test
  void startingTheSameFolderTwiceIsRefusedAndStopFreesIt() throws Exception {
    Path root = mkdirs(tmp, "app");
    startReady(root, batch -> {});
    assertThatThrownBy(() -> watches.start(root, IndexOptions.defaults(), batch -> {}, quiet))
        .isInstanceOf(IllegalStateException.class);

    assertThat(watches.stop(root)).isTrue();
    assertThat(watches.get(root)).isEmpty();
    startReady(root, batch -> {});
  }

  @Test
  void closeStopsEveryThread() throws Exception {
    SlowPush push = new SlowPush(200);
    Path one = mkdirs(tmp, "one");
    startReady(one, push);
    startReady(mkdirs(tmp, "two"), batch -> {});
    write(one, "x.txt", "x");
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> push.batches.size() == 1); // a push is running

    watches.close();

    assertThat(WatchTestSupport.liveThreadsNamed(WatchThreads.PREFIX, Watches.PUSH_THREAD_PREFIX))
        .isEmpty();
    assertThat(watches.roots()).isEmpty();
  }
}
