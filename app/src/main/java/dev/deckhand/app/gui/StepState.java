package dev.deckhand.app.gui;

/** Where one step of the startup timeline is. */
public enum StepState {
  PENDING,
  WAITING,
  RUNNING,
  DONE,
  FAILED
}
