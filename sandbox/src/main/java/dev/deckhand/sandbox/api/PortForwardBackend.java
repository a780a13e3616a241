package dev.deckhand.sandbox.api;

import java.net.InetSocketAddress;

/** Where a pod's port can be reached from this process, for {@code pods/portforward}. */
public interface PortForwardBackend {
  /**
   * The address that answers for {@code port} in the pod's network namespace.
   *
   * @throws ExecBackend.ExecRefusedException when the pod is not running or the port cannot be
   *     reached; the message goes back to the client
   */
  InetSocketAddress target(String namespace, String pod, int port)
      throws ExecBackend.ExecRefusedException;
}
