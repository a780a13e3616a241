package dev.deckhand.core.cluster;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** API server URLs as {@code oc login} accepts and names them. */
final class ServerUrls {
  private ServerUrls() {}

  /** {@code api.x:6443} becomes {@code https://api.x:6443}; a trailing slash is dropped. */
  static String normalize(String server) {
    String s = server.strip();
    if (!s.contains("://")) {
      s = "https://" + s;
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    URI uri = parse(s);
    if (uri.getHost() == null
        || !(uri.getScheme().equalsIgnoreCase("https")
            || uri.getScheme().equalsIgnoreCase("http"))) {
      throw new IllegalArgumentException("not an API server URL: " + server.strip());
    }
    return s;
  }

  /**
   * The cluster entry name {@code oc login} uses: host and port with dots turned into dashes, e.g.
   * {@code https://api.crc.testing:6443} gives {@code api-crc-testing:6443}.
   */
  static String clusterName(String server) {
    URI uri = parse(normalize(server));
    int port = uri.getPort();
    if (port < 0) {
      port = uri.getScheme().equalsIgnoreCase("http") ? 80 : 443;
    }
    return uri.getHost().toLowerCase(Locale.ROOT).replace('.', '-') + ":" + port;
  }

  private static URI parse(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an API server URL: " + s);
    }
  }
}
