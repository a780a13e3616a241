package dev.deckhand.sandbox.images;

import java.time.Duration;
import java.util.Locale;

/** What {@link SandboxImages#build} did for one image. */
public record BuildResult(ImageRef image, boolean built, Duration took, long sizeBytes) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s in %.2f s (%.1f MB)",
        built ? "built" : "up to date:",
        image,
        took.toMillis() / 1000.0,
        sizeBytes / 1_000_000.0);
  }
}
