package dev.deckhand.sandbox.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A TCP proxy between a client and the sandbox's API server that a test can break: {@link #stop()}
 * is the API server going away (the listener and every connection closed at once), {@link #start()}
 * brings it back on the same port, and {@link #onUpstreamBytes} acts once a connection has carried
 * so many bytes towards the server (an exec's stdin is by far the biggest), e.g. to cut just that
 * stream.
 */
final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicReference<Trigger> trigger = new AtomicReference<>();
  private volatile ServerSocket listener;
  private volatile long bytesPerSecond;
  private int port;

  /** One proxied connection. */
  final class Link {
    private final Socket client;
    private final Socket server;
    private final AtomicLong upstream = new AtomicLong();

    private Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    /** Cuts this connection only, as a broken network path would. */
    void cut() {
      closeQuietly(client);
      closeQuietly(server);
      links.remove(this);
    }
  }

  private record Trigger(long bytes, Consumer<Link> action) {}

  TcpProxy(int targetPort) {
    this.targetPort = targetPort;
  }

  /** Listens (again) on the proxy's port, the same one each time. */
  synchronized TcpProxy start() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    port = socket.getLocalPort();
    listener = socket;
    Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** The API server goes away: no listener, every open connection closed. */
  synchronized void stop() {
    closeQuietly(listener);
    for (Link link : links) {
      link.cut();
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Runs {@code action} once, on the first connection to carry {@code bytes} towards the server.
   */
  void onUpstreamBytes(long bytes, Consumer<Link> action) {
    trigger.set(new Trigger(bytes, action));
  }

  /** Slows what goes towards the server to about this many bytes a second; 0 for full speed. */
  void throttle(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  void disarm() {
    trigger.set(null);
  }

  @Override
  public void close() {
    stop();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException closed) {
        return;
      }
      Socket server;
      try {
        server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      } catch (IOException e) {
        closeQuietly(client);
        continue;
      }
      Link link = new Link(client, server);
      links.add(link);
      pump(link, client, server, true);
      pump(link, server, client, false);
    }
  }

  private void pump(Link link, Socket from, Socket to, boolean upstream) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                  if (upstream) {
                    fire(link, link.upstream.addAndGet(n));
                    long rate = bytesPerSecond;
                    if (rate > 0) {
                      Thread.sleep(Math.max(1, n * 1000L / rate));
                    }
                  }
                }
              } catch (IOException e) {
                // cut or closed
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              link.cut();
            },
            "tcp-proxy-" + (upstream ? "up" : "down"));
    t.setDaemon(true);
    t.start();
  }

  private void fire(Link link, long carried) {
    Trigger armed = trigger.get();
    if (armed != null && carried >= armed.bytes() && trigger.compareAndSet(armed, null)) {
      armed.action().accept(link);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException e) {
      // already gone
    }
  }
}
