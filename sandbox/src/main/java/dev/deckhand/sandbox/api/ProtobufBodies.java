package dev.deckhand.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deckhand.sandbox.store.ApiException;

/**
 * Request bodies in {@code application/vnd.kubernetes.protobuf} (what kubectl's typed clients send
 * for create and update), turned into the JSON object the store keeps.
 */
public final class ProtobufBodies {
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private ProtobufBodies() {}

  /**
   * The object in a protobuf body ({@code k8s\0} magic + {@code runtime.Unknown} envelope).
   *
   * @throws ApiException 400 when the body is not such an envelope, 415 for a kind it cannot read
   */
  public static ObjectNode decode(byte[] body) {
    // Filled by the protobuf work of issue 11.
    throw ApiException.unsupportedMediaType(MEDIA_TYPE);
  }
}
