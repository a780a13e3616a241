package dev.deckhand.core.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a folder watch.
 *
 * @param quietPeriod a batch is delivered once no relevant event arrived for this long. 100 ms is
 *     odo 3's value; Tilt uses 200 ms, odo 1 a full second (engineering notes B.2). Editors write a
 *     file in 2–3 events within a few ms, so 100 ms merges one save into one batch.
 * @param maxWait a batch is delivered at the latest this long after its first event, so a
 *     never-ending stream of writes (a build writing into the tree) still produces pushes
 * @param pollInterval how often a full rescan is requested when events cannot be had (inotify limit
 *     reached, watcher keeps failing); Mutagen polls every 10 s in the same situation
 */
public record WatchSettings(Duration quietPeriod, Duration maxWait, Duration pollInterval) {
  public WatchSettings {
    Objects.requireNonNull(quietPeriod, "quietPeriod");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (quietPeriod.isNegative() || maxWait.compareTo(quietPeriod) < 0 || pollInterval.isZero()) {
      throw new IllegalArgumentException(
          "need 0 <= quietPeriod <= maxWait and pollInterval > 0: " + this);
    }
  }

  public static WatchSettings defaults() {
    return new WatchSettings(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  public WatchSettings withQuietPeriod(Duration quiet) {
    return new WatchSettings(quiet, maxWait, pollInterval);
  }

  public WatchSettings withMaxWait(Duration max) {
    return new WatchSettings(quietPeriod, max, pollInterval);
  }

  public WatchSettings withPollInterval(Duration poll) {
    return new WatchSettings(quietPeriod, maxWait, poll);
  }
}
