package dev.deckhand.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The patch types a kube-apiserver accepts, applied to a stored object. The caller has parsed the
 * body (JSON, or YAML for apply patches) and stores the result through the normal update path
 * (resourceVersion checks, generation, watch events).
 */
public final class Patches {
  private Patches() {}

  /** A PATCH request's {@code Content-Type}. */
  public enum Type {
    JSON("application/json-patch+json"),
    MERGE("application/merge-patch+json"),
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),
    APPLY("application/apply-patch+yaml");

    private final String mediaType;

    Type(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }

    /** The type for a Content-Type header (parameters ignored), if it is a patch type. */
    public static Optional<Type> of(String contentType) {
      if (contentType == null) {
        return Optional.empty();
      }
      String bare = contentType.split(";", 2)[0].trim();
      for (Type t : values()) {
        if (t.mediaType.equalsIgnoreCase(bare)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The object after the patch; {@code current} is not modified.
   *
   * @param current the stored object, or null when an apply patch creates it
   * @throws ApiException 422 for a patch that cannot apply (a failed JSON-patch test, a bad path),
   *     400 for a malformed one, 415 for a patch type the resource does not take
   */
  public static ObjectNode apply(
      ResourceType type, ObjectNode current, Type patchType, JsonNode patch) {
    // Filled by the patch work of issue 11: JSON patch, merge patch, strategic merge patch.
    throw new ApiException(
        415,
        "UnsupportedMediaType",
        "the sandbox does not apply " + patchType.mediaType() + " yet");
  }
}
