package dev.deckhand.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The console's lines, bounded: the oldest lines go once {@code capacity} is reached, so a chatty
 * build cannot grow memory without end. FX thread only.
 */
public final class ConsoleBuffer {
  private final ObservableList<ConsoleLine> lines = FXCollections.observableArrayList();
  private final int capacity;
  private long dropped;

  public ConsoleBuffer(int capacity) {
    this.capacity = capacity;
  }

  public ObservableList<ConsoleLine> lines() {
    return lines;
  }

  public int capacity() {
    return capacity;
  }

  /** How many lines fell off the top since the last clear. */
  public long dropped() {
    return dropped;
  }

  /**
   * One list change per batch: the ListView re-lays out once, not per line. Once full, the kept
   * tail replaces the contents in one change; removing from the head as a separate change made the
   * ListView's selection and focus models shift every index (a 100 ms FX stall for 2,500 lines).
   */
  public void addAll(List<ConsoleLine> batch) {
    int overflow = lines.size() + batch.size() - capacity;
    if (overflow <= 0) {
      lines.addAll(batch);
      return;
    }
    dropped += overflow;
    List<ConsoleLine> kept = new ArrayList<>(capacity);
    if (batch.size() < capacity) {
      kept.addAll(lines.subList(overflow, lines.size()));
      kept.addAll(batch);
    } else {
      kept.addAll(batch.subList(batch.size() - capacity, batch.size()));
    }
    lines.setAll(kept);
  }

  public void clear() {
    lines.clear();
    dropped = 0;
  }
}
