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

  /** A command that did not end in time. */
  final class ExecTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    public ExecTimeoutException(String message) {
      super(message);
    }
  }
}
