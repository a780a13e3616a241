package dev.deckhand.core.push;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ContainerExec} over the API server's {@code pods/exec}, with fabric8. */
public final class PodExec implements ContainerExec {
  /** fabric8 sends stdin in frames of at most this; API servers cap websocket frames. */
  private static final int FRAME = 32 * 1024;

  private final KubernetesClient client;
  private final String namespace;
  private final String pod;
  private final String container;
  private final AtomicInteger count = new AtomicInteger();

  public PodExec(KubernetesClient client, String namespace, String pod, String container) {
    this.client = client;
    this.namespace = namespace;
    this.pod = pod;
    this.container = container;
  }

  /** How many execs this has run (a push should need two: sync and assemble). */
  public int count() {
    return count.get();
  }

  @Override
  public int run(
      List<String> command,
      StdinWriter stdin,
      OutputStream stdout,
      OutputStream stderr,
      Duration timeout)
      throws IOException, InterruptedException {
    count.incrementAndGet();
    var target = client.pods().inNamespace(namespace).withName(pod).inContainer(container);
    var streams =
        stdin == null
            ? target.writingOutput(stdout).writingError(stderr)
            : target.redirectingInput(FRAME).writingOutput(stdout).writingError(stderr);
    try (ExecWatch watch = streams.exec(command.toArray(String[]::new))) {
      if (stdin != null) {
        OutputStream in = watch.getInput();
        stdin.write(in);
        in.flush();
      }
      Integer code = watch.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      // fabric8 reports a socket closed without a status as null; that is not a success here.
      if (code == null) {
        throw new IOException("the exec of " + command.get(0) + " ended without an exit status");
      }
      return code;
    } catch (TimeoutException e) {
      throw new ExecTimeoutException(
          command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IOException("exec in " + pod + " failed: " + cause.getMessage(), cause);
    }
  }
}
