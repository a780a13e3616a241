package dev.deckhand.core.push;

import java.util.regex.Pattern;

/**
 * Tells a pull error that waiting will not mend (the registry or podman says there is no such
 * image, or no access to it) from one that may pass (a registry that did not answer, a rate limit).
 */
final class ImagePullErrors {
  // containerd: "...: not found"; docker: "manifest for x not found", "manifest unknown",
  // "repository does not exist or may require 'docker login'", "pull access denied"; podman:
  // "short-name ... did not resolve"; the sandbox: "image x not found: ...".
  private static final Pattern PERMANENT =
      Pattern.compile(
          "not found|manifest unknown|name unknown|did not resolve|repository does not exist"
              + "|pull access denied|requested access to the resource is denied"
              + "|invalid reference format",
          Pattern.CASE_INSENSITIVE);

  private ImagePullErrors() {}

  static boolean isPermanent(String message) {
    return message != null && PERMANENT.matcher(message).find();
  }
}
