package dev.deckhand.sandbox.controller;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Timestamps of status conditions: kept when nothing about a condition changed, so that a status
 * recomputed from the same pods is equal to the stored one and is not written again (a write would
 * wake the controller again, for ever).
 */
final class Conditions {
  private Conditions() {}

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The stored condition of that type, if any. */
  static <C> C find(List<C> stored, java.util.function.Function<C, String> type, String wanted) {
    if (stored == null) {
      return null;
    }
    for (C c : stored) {
      if (Objects.equals(type.apply(c), wanted)) {
        return c;
      }
    }
    return null;
  }
}
