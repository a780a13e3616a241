package dev.deckhand.core.push;

import dev.deckhand.core.event.AppState;
import java.time.Duration;

/**
 * What a push did.
 *
 * @param appState what the ready stage found the app doing after a successful push, or null when it
 *     did not check (failed push, nothing pushed); a successful push can leave the app down
 */
public record PushResult(
    boolean success,
    String summary,
    String url,
    boolean full,
    int filesSent,
    int deleted,
    long bytesSent,
    long contentBytes,
    int execs,
    Duration duration,
    AppState appState) {

  public PushResult(
      boolean success,
      String summary,
      String url,
      boolean full,
      int filesSent,
      int deleted,
      long bytesSent,
      long contentBytes,
      int execs,
      Duration duration) {
    this(
        success,
        summary,
        url,
        full,
        filesSent,
        deleted,
        bytesSent,
        contentBytes,
        execs,
        duration,
        null);
  }

  /** Whether the app was checked after the push and found not staying up. */
  public boolean appDown() {
    return appState != null && appState.down();
  }
}
