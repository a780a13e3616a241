package dev.deckhand.core.status;

import java.util.Objects;

/**
 * The connection of a snapshot to the API server.
 *
 * @param state connected, reconnecting or disconnected
 * @param reason a line a person can read when not connected; {@code null} when connected
 */
public record Connection(ConnectionState state, String reason) {
  /** A one-shot read or a watcher whose watches are all open. */
  public static final Connection CONNECTED = new Connection(ConnectionState.CONNECTED, null);

  public Connection {
    Objects.requireNonNull(state, "state");
  }

  public static Connection reconnecting(String reason) {
    return new Connection(ConnectionState.RECONNECTING, reason);
  }

  public static Connection disconnected(String reason) {
    return new Connection(ConnectionState.DISCONNECTED, reason);
  }
}
