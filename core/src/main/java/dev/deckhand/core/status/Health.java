package dev.deckhand.core.status;

import java.util.Objects;

/**
 * The overall state of a component and one line that says it to a person, e.g. {@code STARTING} /
 * "copy-supervisord: ImagePullBackOff (image quay.io/x/init:1)".
 *
 * @param state the summary
 * @param text one line, never {@code null}
 */
public record Health(HealthState state, String text) {
  public Health {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(text, "text");
  }
}
