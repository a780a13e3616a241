package dev.deckhand.core.event;

/**
 * What the component's supervised app process was found doing at the end of a push, as checked
 * (never assumed): by an HTTP answer at its URL, or as the supervisor in the container reported it.
 * After a failed assemble-and-restart only the supervisor's states occur; after a successful one,
 * {@link #ANSWERING} when the URL answered, else what the supervisor said.
 */
public enum AppState {
  /** Something answered HTTP at the component's URL after the restart. */
  ANSWERING("the app answers at its URL"),
  /** The supervisor runs the app, but its URL gave no HTTP answer within the wait. */
  NOT_ANSWERING("the app runs but does not answer at its URL yet"),
  /** The supervisor runs the app; no URL was checked (none, or not reachable from here). */
  RUNNING("the app runs"),
  /** The failure came before the restart: the version that ran before the push still runs. */
  PREVIOUS_VERSION_RUNNING("the previous version is still running"),
  /** The restart was reached and the new version exited; the supervisor is starting it again. */
  RESTARTING(
      "the app is down: the new version exited at start and the supervisor keeps restarting it"),
  /** No app process runs (stopped, exited, backing off, or never started). */
  STOPPED("the app is not running"),
  /** The supervisor could not be asked. */
  UNKNOWN("the app's state could not be checked");

  private final String text;

  AppState(String text) {
    this.text = text;
  }

  /** One clause for a person, e.g. "the app is stopped". */
  public String describe() {
    return text;
  }

  /** Whether the app serves requests with the version from before the push. */
  public boolean serving() {
    return this == PREVIOUS_VERSION_RUNNING;
  }

  /** Whether the supervisor said no app process stays up (exits at start, or stopped). */
  public boolean down() {
    return this == RESTARTING || this == STOPPED;
  }

  /** The JSON form, e.g. {@code not-answering}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
