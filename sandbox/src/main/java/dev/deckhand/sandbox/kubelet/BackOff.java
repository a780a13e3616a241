package dev.deckhand.sandbox.kubelet;

import java.time.Duration;

/**
 * Restart back-off, shaped like the kubelet's (doubling from a base, capped) but shorter: a sandbox
 * user wants the next attempt in seconds, not minutes.
 */
record BackOff(Duration base, Duration cap) {
  static final BackOff DEFAULT = new BackOff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  Duration after(int failures) {
    long millis = base.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, cap.toMillis()));
  }
}
