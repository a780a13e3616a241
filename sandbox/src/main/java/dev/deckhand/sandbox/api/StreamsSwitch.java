package dev.deckhand.sandbox.api;

import java.io.IOException;
import java.util.List;

/**
 * Exec and log backends that can be plugged in after the API server starts: the kubelet that serves
 * them needs a client of that very server.
 */
public final class StreamsSwitch implements ExecBackend, LogBackend, PortForwardBackend {
  private volatile ExecBackend exec;
  private volatile LogBackend logs;
  private volatile PortForwardBackend ports;

  public <T extends ExecBackend & LogBackend> void plug(T backend) {
    this.exec = backend;
    this.logs = backend;
  }

  public void plugPorts(PortForwardBackend backend) {
    this.ports = backend;
  }

  @Override
  public java.net.InetSocketAddress target(String namespace, String pod, int port)
      throws ExecRefusedException {
    PortForwardBackend p = ports;
    if (p == null) {
      throw new ExecRefusedException("the sandbox node is not running (podman unavailable?)");
    }
    return p.target(namespace, pod, port);
  }

  @Override
  public Process start(
      String namespace, String pod, String container, List<String> command, boolean stdin)
      throws IOException, ExecRefusedException {
    ExecBackend e = exec;
    if (e == null) {
      throw new ExecRefusedException("the sandbox node is not running (podman unavailable?)");
    }
    return e.start(namespace, pod, container, command, stdin);
  }

  @Override
  public Process open(
      String namespace, String pod, String container, boolean follow, Integer tailLines)
      throws IOException, ExecRefusedException {
    LogBackend l = logs;
    if (l == null) {
      throw new ExecRefusedException("the sandbox node is not running (podman unavailable?)");
    }
    return l.open(namespace, pod, container, follow, tailLines);
  }
}
