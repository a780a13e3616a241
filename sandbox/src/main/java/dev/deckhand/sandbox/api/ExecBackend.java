package dev.deckhand.sandbox.api;

import java.io.IOException;
import java.util.List;

/** Runs {@code pods/exec} commands; the kubelet backs it with {@code podman exec}. */
public interface ExecBackend {
  /**
   * Starts a command in a pod's container.
   *
   * @param container the container name, or null for the pod's first app container
   * @throws ExecRefusedException when the pod or container cannot take commands (not running,
   *     unknown); its message goes back to the client as the exec's failure
   */
  Process start(String namespace, String pod, String container, List<String> command, boolean stdin)
      throws IOException, ExecRefusedException;

  /** The pod or container cannot run commands now; the message says why. */
  final class ExecRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExecRefusedException(String message) {
      super(message);
    }
  }
}
