package dev.deckhand.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Exec processes whose client has already hung up. A v4 client can only signal stdin EOF by closing
 * the websocket, and then counts the exec as done; the process may still be writing what it was
 * sent (fabric8's upload runs {@code cat - > f} and then {@code wc -c < f} at once). So a new exec
 * into the same container first waits, briefly, for these to finish.
 */
final class DetachedProcesses {
  private static final long WAIT_MS = 10_000;

  private final Map<String, List<Process>> byTarget = new ConcurrentHashMap<>();

  static String target(String namespace, String pod, String container) {
    return namespace + "/" + pod + "/" + (container == null ? "" : container);
  }

  void add(String target, Process process) {
    byTarget.computeIfAbsent(target, k -> new CopyOnWriteArrayList<>()).add(process);
    process.onExit().thenRun(() -> byTarget.getOrDefault(target, List.of()).remove(process));
  }

  /** Waits until the detached processes of {@code target} have exited (at most 10 s). */
  void awaitQuiet(String target) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    for (Process p : new ArrayList<>(byTarget.getOrDefault(target, List.of()))) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return;
      }
      p.waitFor(left, TimeUnit.MILLISECONDS);
    }
  }
}
