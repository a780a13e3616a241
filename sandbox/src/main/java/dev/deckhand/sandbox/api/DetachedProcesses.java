package dev.deckhand.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Execs whose client has already hung up while their command has not finished. A v4 client can only
 * signal stdin EOF by closing the websocket, and then counts the exec as done; the command may
 * still be writing what it was sent, or not even have started yet (a podman exec takes a while to
 * start, and a fast client has sent everything and hung up by then). fabric8's upload runs {@code
 * cat - > f} and then {@code wc -c < f} at once, so a new exec into the same container first waits,
 * briefly, for these to end.
 */
final class DetachedProcesses {
  private static final long WAIT_MS = 10_000;

  private final Map<String, Set<CompletableFuture<?>>> byTarget = new ConcurrentHashMap<>();

  static String target(String namespace, String pod, String container) {
    return namespace + "/" + pod + "/" + (container == null ? "" : container);
  }

  /**
   * Tracks an exec whose client is gone until {@code ended} completes: when its command has exited,
   * or could not be started.
   */
  void add(String target, CompletableFuture<?> ended) {
    Set<CompletableFuture<?>> pending =
        byTarget.computeIfAbsent(target, k -> ConcurrentHashMap.newKeySet());
    pending.add(ended);
    ended.whenComplete((r, e) -> pending.remove(ended));
  }

  /**
   * The execs into {@code target} detached so far. Taken when an exec is requested, so it waits for
   * those that came before it, never for itself.
   */
  Waiter before(String target) {
    return new Waiter(new ArrayList<>(byTarget.getOrDefault(target, Set.of())));
  }

  /** Waits for a fixed set of detached execs. */
  record Waiter(List<CompletableFuture<?>> execs) {
    /** Waits until these execs have ended (at most 10 s in all). */
    void awaitEnded() throws InterruptedException {
      long deadline = System.currentTimeMillis() + WAIT_MS;
      for (CompletableFuture<?> ended : execs) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return;
        }
        try {
          ended.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          return;
        } catch (ExecutionException e) {
          // Ended all the same.
        }
      }
    }
  }
}
