package dev.deckhand.app.gui;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures process start → first frame, the number the start-up goal (≤ 1.5 s) is about. */
public final class StartupClock {
  private static final Logger LOG = LoggerFactory.getLogger(StartupClock.class);

  private StartupClock() {}

  public static Duration sinceProcessStart() {
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    return Duration.ofMillis(System.currentTimeMillis() - start);
  }

  static Duration logFirstFrame() {
    Duration d = sinceProcessStart();
    LOG.info("first frame {} ms after process start", d.toMillis());
    return d;
  }
}
