package dev.deckhand.sandbox.controller;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/** Writes that read the latest object first and try again when someone else wrote in between. */
final class Conflicts {
  private static final int ATTEMPTS = 5;

  private Conflicts() {}

  /** Runs {@code write} (which must re-read what it changes) until it does not meet a 409. */
  static <T> T retry(Supplier<T> write) {
    KubernetesClientException last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        return write.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }
}
