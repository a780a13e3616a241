package dev.deckhand.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.watch.PushQueue.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PushQueueTest {
  private final ExecutorService pushThread = Executors.newSingleThreadExecutor();
  private final List<ChangeBatch> pushed = new CopyOnWriteArrayList<>();
  private final List<State> states = new CopyOnWriteArrayList<>();
  private final List<Exception> failures = new CopyOnWriteArrayList<>();
  private final PushQueue.Listener recorder =
      new PushQueue.Listener() {
        @Override
        public void onStateChanged(State state) {
          states.add(state);
        }

        @Override
        public void onPushFailed(ChangeBatch batch, Exception error) {
          failures.add(error);
        }
      };

  @AfterEach
  void stop() {
    pushThread.shutdownNow();
  }

  private static ChangeBatch hint(String path) {
    return ChangeBatch.of(List.of(Path.of(path)));
  }

  @Test
  void requestsDuringAPushMergeIntoExactlyOneFollowUp() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PushQueue queue =
        new PushQueue(
            batch -> {
              pushed.add(batch);
              firstStarted.countDown();
              release.await();
            },
            pushThread,
            recorder);

    queue.request(hint("a"));
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    queue.request(hint("b"));
    queue.request(ChangeBatch.rescanAll());
    queue.request(hint("c"));
    assertThat(queue.state()).isEqualTo(State.PUSHING_AND_QUEUED);
    release.countDown();

    assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
    assertThat(pushed).hasSize(2);
    assertThat(pushed.get(0).hints()).containsExactly(Path.of("a"));
    assertThat(pushed.get(1).hints()).containsExactlyInAnyOrder(Path.of("b"), Path.of("c"));
    assertThat(pushed.get(1).fullRescan()).isTrue();
    assertThat(states)
        .containsExactly(State.PUSHING, State.PUSHING_AND_QUEUED, State.PUSHING, State.IDLE);
  }

  @Test
  void aFailedPushDoesNotStopTheQueueAndItsHintsRideAlong() throws Exception {
    AtomicBoolean failNext = new AtomicBoolean(true);
    // Synchronous executor: the whole queue runs on the test thread.
    PushQueue queue =
        new PushQueue(
            batch -> {
              pushed.add(batch);
              if (failNext.getAndSet(false)) {
                throw new IllegalStateException("pod gone");
              }
            },
            Runnable::run,
            recorder);

    queue.request(hint("a"));
    assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage("pod gone"));
    assertThat(queue.state()).isEqualTo(State.IDLE);

    queue.request(hint("b"));
    assertThat(pushed).hasSize(2);
    assertThat(pushed.get(1).hints()).containsExactlyInAnyOrder(Path.of("a"), Path.of("b"));
  }

  @Test
  void aRequestFromInsideAPushRunsOnceAfterItUnderASynchronousExecutor() {
    PushQueue[] self = new PushQueue[1];
    self[0] =
        new PushQueue(
            batch -> {
              pushed.add(batch);
              if (pushed.size() == 1) {
                self[0].request(hint("edited-during-push"));
                self[0].request(hint("edited-again"));
              }
            },
            Runnable::run,
            recorder);

    self[0].request(hint("first"));

    assertThat(pushed).hasSize(2);
    assertThat(pushed.get(1).hints())
        .containsExactlyInAnyOrder(Path.of("edited-during-push"), Path.of("edited-again"));
    assertThat(self[0].state()).isEqualTo(State.IDLE);
  }

  @Test
  void pushNowIsAFullRescan() {
    PushQueue queue = new PushQueue(pushed::add, Runnable::run, recorder);
    queue.pushNow();
    assertThat(pushed).singleElement().satisfies(b -> assertThat(b.fullRescan()).isTrue());
  }

  @Test
  void closeInterruptsTheRunningPushAndDropsTheQueuedOne() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    PushQueue queue =
        new PushQueue(
            batch -> {
              pushed.add(batch);
              started.countDown();
              try {
                Thread.sleep(30_000);
              } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
              }
            },
            pushThread,
            recorder);
    queue.request(hint("a"));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    queue.request(hint("b"));

    queue.close();

    assertThat(interrupted).isTrue();
    assertThat(queue.state()).isEqualTo(State.IDLE);
    queue.request(hint("after-close"));
    await().during(Duration.ofMillis(200)).until(() -> pushed.size() == 1);
  }
}
