package dev.deckhand.sandbox.images;

/** Thrown when the podman executable cannot be started at all. */
public class PodmanNotInstalledException extends PodmanException {
  private static final long serialVersionUID = 1L;

  public PodmanNotInstalledException(String executable, Throwable cause) {
    super(
        "podman is not installed; the sandbox needs it (could not run '"
            + executable
            + "': "
            + cause.getMessage()
            + ")",
        cause);
  }
}
