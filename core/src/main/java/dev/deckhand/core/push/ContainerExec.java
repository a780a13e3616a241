package dev.deckhand.core.push;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * Runs one command in the component's container. The engine's only way into the container, so tests
 * can count round trips and fake the transport.
 */
public interface ContainerExec {
  /** Writes a command's stdin; the stream must not be closed (a v4 exec cannot half-close). */
  @FunctionalInterface
  interface StdinWriter {
    void write(OutputStream stdin) throws IOException;
  }

  /**
   * @param stdin what to send, or null for none
   * @return the exit code
   * @throws ExecTimeoutException when the command does not end within {@code timeout}
   */
  int run(
      List<String> command,
      StdinWriter stdin,
      OutputStream stdout,
      OutputStream stderr,
      Duration timeout)
      throws IOException, InterruptedException;

  /**
   * The connection to the API server broke while the command ran (the API server or a proxy went
   * away, the stream was cut): what reached the container is unknown.
   */
  final class ConnectionLostException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String server;

    public ConnectionLostException(String server, Throwable cause) {
      super("the connection to " + server + " was lost", cause);
      this.server = server;
    }

    public String server() {
      return server;
    }
  }

  /** The container's pod was deleted (or is being deleted) while the command ran. */
  final class ContainerGoneException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String pod;

    public ContainerGoneException(String pod, Throwable cause) {
      super("the pod " + pod + " was deleted", cause);
      this.pod = pod;
    }

    public String pod() {
      return pod;
    }
  }

  /** A command that did not end in time. */
  final class ExecTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    public ExecTimeoutException(String message) {
      super(message);
    }
  }
}
