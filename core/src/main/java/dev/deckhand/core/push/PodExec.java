package dev.deckhand.core.push;

import dev.deckhand.core.cluster.ErrorClassifier;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.FilterOutputStream;
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

  /** Exit codes of a shell whose command got SIGKILL and SIGTERM. */
  private static final int KILLED = 137;

  private static final int TERMINATED = 143;

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
        OutputStream in = new RemoteStream(watch.getInput());
        stdin.write(in);
        in.flush();
      }
      Integer code = watch.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      // fabric8 reports a socket closed without a status as null: the stream broke, whether the
      // API server, a proxy or the container's end went away.
      if (code == null) {
        throw lost(null);
      }
      if (code == KILLED || code == TERMINATED) {
        // killed by a signal: the kubelet does that to a pod being deleted
        ContainerGoneException gone = podGone(null);
        if (gone != null) {
          throw gone;
        }
      }
      return code;
    } catch (TimeoutException e) {
      throw new ExecTimeoutException(
          command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw lost(e.getCause() == null ? e : e.getCause());
    } catch (StreamBroken e) {
      throw lost(e.getCause());
    } catch (KubernetesClientException e) {
      if (ErrorClassifier.httpStatus(e) > 0) {
        // the API server answered, with an error status (403, 404, 414…)
        throw new IOException(ErrorClassifier.classify(e, server()).message(), e);
      }
      throw lost(e);
    }
  }

  /**
   * Says which went away: the pod (deleted mid-command) or the connection. Asks the API server, so
   * the message does not guess; if that question fails too, it is the connection.
   */
  private IOException lost(Throwable cause) {
    ContainerGoneException gone = podGone(cause);
    return gone != null ? gone : new ConnectionLostException(server(), cause);
  }

  /** The pod is deleted or being deleted, by the API server's word; else null. */
  private ContainerGoneException podGone(Throwable cause) {
    try {
      Pod now = client.pods().inNamespace(namespace).withName(pod).get();
      if (now == null || now.getMetadata().getDeletionTimestamp() != null) {
        return new ContainerGoneException(pod, cause);
      }
    } catch (KubernetesClientException unreachable) {
      // the connection is what broke
    }
    return null;
  }

  private String server() {
    return client.getMasterUrl().toString().replaceAll("/+$", "");
  }

  /** A write to the exec's stdin failed: the connection, not the local file being sent. */
  private static final class StreamBroken extends IOException {
    private static final long serialVersionUID = 1L;

    StreamBroken(IOException cause) {
      super(cause);
    }
  }

  /** Marks the exec stream's own failures, so a local read error is not taken for a lost link. */
  private static final class RemoteStream extends FilterOutputStream {
    RemoteStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new StreamBroken(e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new StreamBroken(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw new StreamBroken(e);
      }
    }

    @Override
    public void close() {
      // the exec owns its stream (a v4 exec cannot half-close)
    }
  }
}
