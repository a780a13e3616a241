package dev.deckhand.core.status;

/** Whether a status snapshot is live. */
public enum ConnectionState {
  /** Every watch is open: the snapshot is what the cluster says now. */
  CONNECTED,
  /** A watch dropped and fabric8 is retrying: the snapshot is the last known state. */
  RECONNECTING,
  /** Nothing is watched any more (closed, or a watch gave up): the snapshot will not change. */
  DISCONNECTED
}
