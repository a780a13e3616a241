package dev.deckhand.core.manifest;

/** A component that cannot be turned into cluster objects; the message says what to change. */
public final class ManifestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }

  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
