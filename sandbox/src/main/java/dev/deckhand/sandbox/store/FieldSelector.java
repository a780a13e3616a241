package dev.deckhand.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code fieldSelector} query parameter: {@code metadata.name}, {@code metadata.namespace} for
 * every type, plus the fields kube-apiserver indexes per type (pods' {@code spec.nodeName}, {@code
 * status.phase}; events' {@code involvedObject.*}, {@code reason}, {@code type}; secrets' {@code
 * type}; …). Operators {@code =}, {@code ==}, {@code !=}.
 */
public final class FieldSelector {
  private static final FieldSelector EVERYTHING = new FieldSelector();

  private FieldSelector() {}

  /**
   * @throws ApiException 400 {@code field label not supported: x} for a field the type does not
   *     index, or a malformed selector
   */
  public static FieldSelector parse(String selector, ResourceType type) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    // Filled by the selectors work of issue 11.
    throw ApiException.badRequest("field selectors are not served yet");
  }

  public boolean matches(JsonNode object) {
    return true;
  }
}
