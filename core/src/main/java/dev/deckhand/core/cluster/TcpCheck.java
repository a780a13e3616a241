package dev.deckhand.core.cluster;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * A plain TCP connect to the API server before any HTTP client is built. Loading and starting
 * fabric8's client takes seconds on a busy machine; a refused connection or an unknown host is
 * known in milliseconds, and says so without that wait. Anything less certain (a timeout, a proxy
 * in between) is left to the real request.
 */
final class TcpCheck {
  private static final List<String> PROXY_VARIABLES =
      List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy");

  private TcpCheck() {}

  /** Why the server certainly cannot be reached, or {@code null} when that is not certain. */
  static ClusterError refused(
      ClusterContext context, ClusterTimeouts timeouts, Map<String, String> env) {
    String server = context.server();
    if (server == null || PROXY_VARIABLES.stream().anyMatch(v -> notBlank(env.get(v)))) {
      return null; // the connection goes to the proxy, not to the server
    }
    URI uri;
    try {
      uri = URI.create(server);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (uri.getHost() == null) {
      return null;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(uri.getHost(), port), (int) timeouts.connect().toMillis());
      return null;
    } catch (UnknownHostException e) {
      return unreachable(server, "unknown host");
    } catch (NoRouteToHostException e) {
      return unreachable(server, "no route to host");
    } catch (ConnectException e) {
      return unreachable(server, "connection refused");
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static ClusterError unreachable(String server, String reason) {
    return new ClusterError(
        ClusterError.Kind.UNREACHABLE,
        "cannot reach " + server + " (" + reason + ")",
        ErrorClassifier.UNREACHABLE_HINT);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
