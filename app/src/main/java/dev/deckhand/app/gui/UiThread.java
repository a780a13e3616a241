package dev.deckhand.app.gui;

import javafx.application.Platform;

/** Hands work to the FX thread; a seam so view models can be driven without a toolkit. */
@FunctionalInterface
public interface UiThread {
  void post(Runnable update);

  static UiThread fx() {
    return Platform::runLater;
  }

  /** For tests of view models alone: runs the update on the caller's thread. */
  static UiThread direct() {
    return Runnable::run;
  }
}
