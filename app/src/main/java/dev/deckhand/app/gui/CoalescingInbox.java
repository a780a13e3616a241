package dev.deckhand.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects items from any thread and hands them to the UI in batches, with at most one UI update
 * pending at a time: 10,000 log lines in a burst become a few FX-thread updates, not 10,000.
 */
public final class CoalescingInbox<T> {
  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final UiThread ui;
  private final Consumer<List<T>> sink;
  private final int maxBatch;

  public CoalescingInbox(UiThread ui, Consumer<List<T>> sink) {
    this(ui, sink, Integer.MAX_VALUE);
  }

  /**
   * @param maxBatch the most items one UI update takes; the rest wait for the next one, so a flood
   *     is spread over several frames instead of stalling one
   */
  public CoalescingInbox(UiThread ui, Consumer<List<T>> sink, int maxBatch) {
    this.ui = ui;
    this.sink = sink;
    this.maxBatch = maxBatch;
  }

  /** Any thread; never blocks. */
  public void offer(T item) {
    queue.add(item);
    if (pending.compareAndSet(false, true)) {
      ui.post(this::drain);
    }
  }

  private void drain() {
    List<T> batch = new ArrayList<>();
    for (T item; batch.size() < maxBatch && (item = queue.poll()) != null; ) {
      batch.add(item);
    }
    if (queue.isEmpty()) {
      pending.set(false);
      // An item offered between the poll and the reset saw "pending" and did not post: re-check.
      if (!queue.isEmpty() && pending.compareAndSet(false, true)) {
        ui.post(this::drain);
      }
    } else {
      ui.post(this::drain); // still pending: the rest goes in the next update
    }
    if (!batch.isEmpty()) {
      sink.accept(batch);
    }
  }
}
