package dev.deckhand.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code labelSelector} query parameter as kube-apiserver parses it ({@code a=b}, {@code a==b},
 * {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}, comma = and).
 */
public final class LabelSelector {
  private static final LabelSelector EVERYTHING = new LabelSelector();

  private LabelSelector() {}

  /**
   * @param selector the parameter, null or blank for "everything"
   * @throws ApiException 400 with the parser's reason for a malformed selector
   */
  public static LabelSelector parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    // Filled by the selectors work of issue 11.
    throw ApiException.badRequest(
        "unable to parse requirement: label selectors are not served yet");
  }

  /** Whether an object's {@code metadata.labels} (missing or null: no labels) match. */
  public boolean matches(JsonNode labels) {
    return true;
  }
}
