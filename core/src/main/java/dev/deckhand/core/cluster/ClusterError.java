package dev.deckhand.core.cluster;

/**
 * A cluster failure told the way a person can act on it.
 *
 * @param kind what went wrong, for code that reacts (a UI state, an exit code)
 * @param message one line saying what happened, naming the server or object
 * @param hint one line saying what to do, or {@code null} when there is nothing to suggest
 */
public record ClusterError(Kind kind, String message, String hint) {
  public enum Kind {
    /** The server could not be reached: refused, timed out, unknown host. */
    UNREACHABLE,
    /** The TLS handshake failed: untrusted CA, wrong host name. */
    TLS,
    /** No valid credentials: 401, or 403 for {@code system:anonymous}. */
    UNAUTHORIZED,
    /** Authenticated, but RBAC does not allow this verb on this resource. */
    FORBIDDEN,
    /** The target namespace does not exist. */
    NAMESPACE_MISSING,
    /** A resource quota would be exceeded. */
    QUOTA,
    /** Anything else, with the server's own message. */
    OTHER
  }

  /** Message and hint on one line, for a push's summary and timeline. */
  public String oneLine() {
    return hint == null ? message : message + "; " + hint;
  }

  /** Message and hint as one or two lines, for a CLI. */
  public String describe() {
    return hint == null ? message : message + "\n" + hint;
  }
}
