package dev.deckhand.core.push;

import dev.deckhand.core.event.Stage;
import java.util.List;

/** A push stopped at a stage, for a reason a person can act on. */
public final class PushFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Stage stage;
  private final String container;
  private final transient List<String> logTail;

  public PushFailedException(Stage stage, String container, String reason, List<String> logTail) {
    super(reason);
    this.stage = stage;
    this.container = container;
    this.logTail = List.copyOf(logTail);
  }

  public PushFailedException(Stage stage, String reason) {
    this(stage, null, reason, List.of());
  }

  public Stage stage() {
    return stage;
  }

  public String container() {
    return container;
  }

  public List<String> logTail() {
    return logTail;
  }
}
