package dev.deckhand.sandbox.kubelet;

import java.util.Map;

/**
 * The sandbox's own builds of its well-known images: a pod spec's {@code
 * localhost/deckhand/odo-init:latest} runs as the content-hash tag the sandbox ensured at start,
 * because another checkout or version on the same machine may retag {@code :latest} to its build.
 */
final class PinnedImages {
  private final Map<String, String> pins;

  /**
   * @param pins well-known name with tag → the tag to run instead
   */
  PinnedImages(Map<String, String> pins) {
    this.pins = Map.copyOf(pins);
  }

  /** The image to run for a spec's (stripped) image name; itself unless it is pinned. */
  String resolve(String image) {
    String pinned = pins.get(image);
    if (pinned == null && !hasTag(image)) {
      pinned = pins.get(image + ":latest");
    }
    return pinned == null ? image : pinned;
  }

  private static boolean hasTag(String image) {
    int slash = image.lastIndexOf('/');
    return image.lastIndexOf(':') > slash || image.contains("@");
  }
}
