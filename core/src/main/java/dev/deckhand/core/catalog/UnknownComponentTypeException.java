package dev.deckhand.core.catalog;

import java.util.List;

/** A component type the catalog does not have; the message lists the ones it has. */
public final class UnknownComponentTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String requested;
  private final List<String> knownNames;

  public UnknownComponentTypeException(String requested, List<String> knownNames) {
    super(
        "unknown component type '"
            + requested
            + "'; known types: "
            + String.join(", ", knownNames)
            + " (add your own in "
            + ComponentCatalog.defaultUserFile()
            + ")");
    this.requested = requested;
    this.knownNames = List.copyOf(knownNames);
  }

  public String requested() {
    return requested;
  }

  public List<String> knownNames() {
    return knownNames;
  }
}
