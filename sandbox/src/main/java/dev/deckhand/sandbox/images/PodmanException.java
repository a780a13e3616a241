package dev.deckhand.sandbox.images;

/** A podman command could not be run or failed; the message names the command and its stderr. */
public class PodmanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PodmanException(String message) {
    super(message);
  }

  public PodmanException(String message, Throwable cause) {
    super(message, cause);
  }
}
