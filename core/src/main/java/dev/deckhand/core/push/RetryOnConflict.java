package dev.deckhand.core.push;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Runs a read-modify-write again when the API server answers 409 Conflict: someone else (a
 * controller, the sandbox's URL reporter, another client) changed the object between our read and
 * our write. client-go's {@code retry.RetryOnConflict} does the same; the action must read the
 * object afresh on every attempt.
 */
final class RetryOnConflict {
  static final int ATTEMPTS = 5;

  private RetryOnConflict() {}

  static void run(Runnable readModifyWrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        readModifyWrite.run();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
