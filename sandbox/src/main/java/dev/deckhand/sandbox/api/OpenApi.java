package dev.deckhand.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deckhand.sandbox.store.ResourceType;
import dev.deckhand.sandbox.store.ResourceTypes;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAPI documents kubectl asks for ({@code /openapi/v2}, {@code /openapi/v3} and its
 * group-version documents), and the field validation they promise ({@code ?fieldValidation=}).
 */
public final class OpenApi {
  private final ResourceTypes types;

  public OpenApi(ResourceTypes types) {
    this.types = types;
  }

  /** A document served at {@code path}. */
  public record Document(String contentType, byte[] body) {}

  /** The document at {@code path} (query not included), or empty for a 404. */
  public Optional<Document> answer(String path) {
    // Filled by the OpenAPI work of issue 11.
    return Optional.empty();
  }

  /**
   * The fields of {@code object} its type's schema does not have, as kube-apiserver names them
   * ({@code unknown field "spec.foo"}); empty when all are known.
   */
  public List<String> unknownFields(ResourceType type, JsonNode object) {
    return List.of();
  }
}
