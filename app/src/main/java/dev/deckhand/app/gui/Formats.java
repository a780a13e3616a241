package dev.deckhand.app.gui;

import java.time.Duration;
import java.util.Locale;

/** Short human forms of durations and sizes for the timeline. */
final class Formats {
  private Formats() {}

  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000.0).replace(".00 s", " s");
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%d s", Math.round(ms / 1000.0));
    }
    return String.format(Locale.ROOT, "%d min %d s", ms / 60_000, (ms % 60_000) / 1000);
  }

  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    if (b < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
  }
}
