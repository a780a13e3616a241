package dev.deckhand.core.watch;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ClusterError;
import dev.deckhand.core.cluster.ClusterProbe;
import dev.deckhand.core.cluster.ClusterTimeouts;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A watch's push that outlives an API outage. When a push fails and the API server does not answer,
 * it waits for the server and pushes again by itself, so edits made during the outage arrive
 * without another edit or command. A failure while the server answers (a broken build, a refused
 * request) ends the push as before: retrying it would only fail again.
 *
 * <p>Edits made while it waits queue up in the {@link PushQueue} as usual; the retry rescans, and
 * the index has not advanced, so nothing is lost.
 */
public final class PushWhenReachable implements PushRunner {
  private final PushRunner push;
  private final Supplier<ClusterError> unreachable;
  private final Duration every;
  private final Consumer<String> onWaiting;

  /**
   * @param unreachable asks the server; why it cannot be reached, or {@code null} when it answers
   * @param every how long to wait between questions
   * @param onWaiting told once per outage, with the line to show
   */
  public PushWhenReachable(
      PushRunner push,
      Supplier<ClusterError> unreachable,
      Duration every,
      Consumer<String> onWaiting) {
    this.push = Objects.requireNonNull(push, "push");
    this.unreachable = Objects.requireNonNull(unreachable, "unreachable");
    this.every = Objects.requireNonNull(every, "every");
    this.onWaiting = Objects.requireNonNull(onWaiting, "onWaiting");
  }

  /** Asks the context's server with {@link ClusterProbe} (no retries, bounded by the timeouts). */
  public static Supplier<ClusterError> probing(ClusterContext context, ClusterTimeouts timeouts) {
    return () -> {
      try {
        return ClusterProbe.check(context, timeouts);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the next sleep ends the wait
        return new ClusterError(ClusterError.Kind.UNREACHABLE, "interrupted", null);
      }
    };
  }

  @Override
  public void push(ChangeBatch batch) throws Exception {
    while (true) {
      try {
        push.push(batch);
        return;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception failed) {
        ClusterError down = unreachable.get();
        if (down == null) {
          throw failed;
        }
        onWaiting.accept(down.message() + "; pushing again when it answers");
        while (down != null) {
          Thread.sleep(every.toMillis());
          down = unreachable.get();
        }
      }
    }
  }
}
