package dev.deckhand.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code scale} subresource: an {@code autoscaling/v1 Scale} view of a Deployment, ReplicaSet,
 * StatefulSet or DeploymentConfig, and the object after a Scale is written.
 */
public final class Scales {
  private Scales() {}

  /** The Scale of {@code object}. */
  public static ObjectNode scaleOf(ResourceType type, ObjectNode object) {
    // Filled by the scale work of issue 11.
    throw ApiException.methodNotAllowed("the scale subresource is not served yet");
  }

  /**
   * {@code object} with the replicas of {@code scale}; {@code object} is not modified.
   *
   * @throws ApiException 409 when the Scale's resourceVersion is stale, 422 for negative replicas
   */
  public static ObjectNode withScale(ResourceType type, ObjectNode object, ObjectNode scale) {
    throw ApiException.methodNotAllowed("the scale subresource is not served yet");
  }
}
