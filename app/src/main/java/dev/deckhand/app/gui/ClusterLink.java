package dev.deckhand.app.gui;

/**
 * A cluster's connection as the sidebar shows it.
 *
 * @param state the word on the row
 * @param reason the classified reason (one line), or {@code null} when there is none
 */
public record ClusterLink(State state, String reason) {
  public enum State {
    NOT_CONNECTED("not connected"),
    CONNECTING("connecting…"),
    CONNECTED("connected"),
    RECONNECTING("reconnecting…"),
    LOGIN_REQUIRED("login required"),
    UNREACHABLE("unreachable"),
    FAILED("error");

    private final String word;

    State(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  public static final ClusterLink NOT_CONNECTED = new ClusterLink(State.NOT_CONNECTED, null);
  public static final ClusterLink CONNECTING = new ClusterLink(State.CONNECTING, null);
  public static final ClusterLink CONNECTED = new ClusterLink(State.CONNECTED, null);
}
