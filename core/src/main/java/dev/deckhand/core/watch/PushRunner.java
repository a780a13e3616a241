package dev.deckhand.core.watch;

/**
 * One push of a component: scan, diff, transfer, commit the index. Runs on the {@link PushQueue}'s
 * executor, never twice at once for the same queue. Should give up promptly when interrupted: that
 * is how {@link PushQueue#close()} cancels.
 */
@FunctionalInterface
public interface PushRunner {
  void push(ChangeBatch batch) throws Exception;
}
