package dev.deckhand.sandbox.images;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@link SandboxImages#build} did for one image.
 *
 * @param image the well-known name pod specs use, e.g. {@code localhost/deckhand/odo-init:latest}
 * @param pinned the tag of this content's build, which the sandbox runs instead of {@code image}
 */
public record BuildResult(
    ImageRef image, ImageRef pinned, boolean built, Duration took, long sizeBytes) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s in %.2f s (%.1f MB)",
        built ? "built" : "up to date:",
        pinned,
        took.toMillis() / 1000.0,
        sizeBytes / 1_000_000.0);
  }
}
