package dev.deckhand.sandbox.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code pods/exec} over a websocket: frames from the client feed the process's stdin, its
 * stdout and stderr go back as frames, and its exit code ends the session on channel 3.
 *
 * <p>Nothing is buffered whole: output is read in chunks and the reader waits while the socket's
 * write queue is full; input pauses the socket while too many bytes wait for the process. Input
 * that arrives before the process has started (a fast client may even have hung up by then) is
 * queued in order on the stdin writer, which starts writing once the process exists.
 */
final class ExecSession {
  private static final Logger LOG = LoggerFactory.getLogger(ExecSession.class);
  private static final int CHUNK = 32 * 1024;
  private static final long STDIN_HIGH_WATER = 4L * 1024 * 1024;

  private final Context context;
  private final ServerWebSocket ws;
  private final boolean v5;
  private final DetachedProcesses detached;
  private final String target;
  private final ExecutorService stdinWriter;
  private final AtomicLong stdinQueued = new AtomicLong();
  private final AtomicBoolean stdinClosed = new AtomicBoolean();
  private final AtomicBoolean clientGone = new AtomicBoolean();
  private final AtomicInteger openOutputs = new AtomicInteger(2);
  private final AtomicBoolean finished = new AtomicBoolean();
  // Completes when the command has exited or could not be started: until then a client that hangs
  // up leaves work behind that a following exec into the same container must wait for.
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile Process process;

  private ExecSession(
      Context context, ServerWebSocket ws, DetachedProcesses detached, String target, String name) {
    this.context = context;
    this.ws = ws;
    this.v5 = ChannelProtocol.V5.equals(ws.subProtocol());
    this.detached = detached;
    this.target = target;
    this.stdinWriter = Executors.newSingleThreadExecutor(r -> daemon(r, "exec-stdin-" + name));
    // Until the process exists, queued writes wait here.
    this.stdinWriter.execute(this::awaitProcess);
  }

  /** Wires {@code ws} at once, then starts the process with {@code backend}. */
  static void start(
      Vertx vertx,
      ServerWebSocket ws,
      ExecBackend backend,
      DetachedProcesses detached,
      String namespace,
      String pod,
      String container,
      List<String> command,
      boolean stdin) {
    // The socket's own event-loop context: every write to it is made from there.
    Context context = vertx.getOrCreateContext();
    String target = DetachedProcesses.target(namespace, pod, container);
    // Before this session can itself detach (its client may hang up before its command starts).
    DetachedProcesses.Waiter earlier = detached.before(target);
    ExecSession session = new ExecSession(context, ws, detached, target, pod);
    ws.binaryMessageHandler(session::onFrame);
    ws.closeHandler(v -> session.onClientGone());
    ws.exceptionHandler(e -> session.onClientGone());
    vertx
        .<Process>executeBlocking(
            () -> {
              earlier.awaitEnded();
              return backend.start(namespace, pod, container, command, stdin);
            },
            false)
        .onSuccess(
            process -> {
              session.attach(process);
              if (!stdin) {
                session.closeStdin();
              }
            })
        .onFailure(
            e -> {
              session.ended.complete(null);
              session.stdinWriter.shutdownNow();
              String message =
                  e instanceof ExecBackend.ExecRefusedException
                      ? e.getMessage()
                      : "cannot run " + command + " in " + namespace + "/" + pod + ": " + e;
              if (!ws.isClosed()) {
                ws.writeBinaryMessage(Buffer.buffer(ChannelProtocol.failure(message)))
                    .onComplete(x -> ws.close());
              }
            });
  }

  private synchronized void attach(Process p) {
    process = p;
    notifyAll();
    p.onExit().thenRun(() -> ended.complete(null));
    pump(p.getInputStream(), ChannelProtocol.STDOUT, "stdout");
    pump(p.getErrorStream(), ChannelProtocol.STDERR, "stderr");
  }

  private synchronized void awaitProcess() {
    while (process == null) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private synchronized void onClientGone() {
    if (clientGone.compareAndSet(false, true)) {
      // Even when the command has not started yet: the client may have sent all its input already.
      if (!ended.isDone()) {
        detached.add(target, ended);
      }
      // v4 clients end stdin by closing the socket.
      closeStdin();
    }
  }

  private void onFrame(Buffer frame) {
    if (frame.length() == 0) {
      return;
    }
    byte channel = frame.getByte(0);
    if (channel == ChannelProtocol.STDIN) {
      writeStdin(frame.getBytes(1, frame.length()));
    } else if (channel == ChannelProtocol.CLOSE && v5 && frame.length() > 1) {
      if (frame.getByte(1) == ChannelProtocol.STDIN) {
        closeStdin();
      }
    }
    // Resize (channel 4) needs a TTY, which the sandbox does not offer.
  }

  private void writeStdin(byte[] data) {
    if (stdinClosed.get() || data.length == 0) {
      return;
    }
    if (stdinQueued.addAndGet(data.length) > STDIN_HIGH_WATER) {
      ws.pause();
    }
    stdinWriter.execute(
        () -> {
          try {
            OutputStream in = process.getOutputStream();
            in.write(data);
            in.flush();
          } catch (IOException e) {
            // The process closed its stdin (e.g. tar finished at the end-of-archive marker):
            // the rest of the input is not needed.
            LOG.debug("stdin write failed: {}", e.toString());
          } finally {
            if (stdinQueued.addAndGet(-data.length) <= STDIN_HIGH_WATER / 2 && !ws.isClosed()) {
              ws.resume();
            }
          }
        });
  }

  private void closeStdin() {
    if (stdinClosed.compareAndSet(false, true)) {
      // Queued after the pending writes, so input sent before the close still arrives.
      stdinWriter.execute(
          () -> {
            try {
              process.getOutputStream().close();
            } catch (IOException e) {
              LOG.debug("stdin close failed: {}", e.toString());
            }
          });
      stdinWriter.shutdown();
    }
  }

  private void pump(InputStream stream, byte channel, String name) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[CHUNK];
              try {
                int n;
                while ((n = stream.read(buf)) >= 0) {
                  if (n > 0) {
                    send(ChannelProtocol.frame(channel, buf, n));
                  }
                }
              } catch (IOException e) {
                LOG.debug("{} read failed: {}", name, e.toString());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                if (openOutputs.decrementAndGet() == 0) {
                  finish();
                }
              }
            },
            "exec-" + name);
    t.setDaemon(true);
    t.start();
  }

  /** Sends a frame, waiting while the socket's write queue is full (backpressure). */
  private void send(byte[] frame) throws InterruptedException {
    Semaphore drained = new Semaphore(0);
    context.runOnContext(
        v -> {
          if (ws.isClosed()) {
            drained.release();
            return;
          }
          ws.writeBinaryMessage(Buffer.buffer(frame));
          if (ws.writeQueueFull()) {
            ws.drainHandler(x -> drained.release());
          } else {
            drained.release();
          }
        });
    drained.acquire();
  }

  private void finish() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exit = -1;
    }
    byte[] status = ChannelProtocol.exitStatus(exit);
    closeStdin();
    context.runOnContext(
        v -> {
          if (ws.isClosed()) {
            return;
          }
          ws.writeBinaryMessage(Buffer.buffer(status)).onComplete(x -> ws.close((short) 1000));
        });
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
