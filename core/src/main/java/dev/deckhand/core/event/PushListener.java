package dev.deckhand.core.event;

/** Receives a push's events, in order, on the push's thread: never block in it. */
@FunctionalInterface
public interface PushListener {
  void on(PushEvent event);

  PushListener NONE = e -> {};
}
