package dev.deckhand.core.event;

/**
 * What the component's supervised app process was found doing after assemble-and-restart failed, as
 * the supervisor in the container reported it (never assumed).
 */
public enum AppState {
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

  /** Whether the app serves requests (with the version from before the push). */
  public boolean serving() {
    return this == PREVIOUS_VERSION_RUNNING;
  }
}
