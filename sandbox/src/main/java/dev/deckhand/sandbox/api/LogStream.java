package dev.deckhand.sandbox.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pods/log}, streamed: a chunked response fed from the backend's process as it writes, so
 * {@code follow=true} works (the mock server's own responses are fixed buffers).
 */
final class LogStream {
  private static final Logger LOG = LoggerFactory.getLogger(LogStream.class);

  private LogStream() {}

  static void serve(
      Vertx vertx,
      HttpServerRequest request,
      LogBackend backend,
      String namespace,
      String pod,
      String container) {
    boolean follow = "true".equals(request.getParam("follow"));
    Integer tail = null;
    String tailParam = request.getParam("tailLines");
    if (tailParam != null) {
      try {
        tail = Integer.parseInt(tailParam);
      } catch (NumberFormatException e) {
        ApiErrors.send(request.response(), 400, "BadRequest", "tailLines must be a number");
        return;
      }
    }
    Integer tailLines = tail;
    Context context = vertx.getOrCreateContext();
    request.pause();
    vertx
        .<Process>executeBlocking(
            () -> backend.open(namespace, pod, container, follow, tailLines), false)
        .onSuccess(process -> stream(context, request.response(), process))
        .onFailure(
            e -> {
              int code = e instanceof ExecBackend.ExecRefusedException ? 400 : 500;
              ApiErrors.send(request.response(), code, "BadRequest", e.getMessage());
            });
  }

  private static void stream(Context context, HttpServerResponse response, Process process) {
    response.setChunked(true);
    response.putHeader("Content-Type", "text/plain");
    response.closeHandler(v -> process.destroy());
    Thread reader =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  if (n > 0 && !write(context, response, Buffer.buffer().appendBytes(buf, 0, n))) {
                    break;
                  }
                }
              } catch (IOException e) {
                LOG.debug("log read ended: {}", e.toString());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                process.destroy();
                context.runOnContext(
                    v -> {
                      if (!response.ended() && !response.closed()) {
                        response.end();
                      }
                    });
              }
            },
            "pod-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** Writes one chunk, waiting while the client is slow; false once the client has gone. */
  private static boolean write(Context context, HttpServerResponse response, Buffer chunk)
      throws InterruptedException {
    Semaphore done = new Semaphore(0);
    boolean[] open = {true};
    context.runOnContext(
        v -> {
          if (response.closed() || response.ended()) {
            open[0] = false;
            done.release();
            return;
          }
          response.write(chunk);
          if (response.writeQueueFull()) {
            response.drainHandler(x -> done.release());
          } else {
            done.release();
          }
        });
    done.acquire();
    return open[0];
  }
}
