package dev.deckhand.app.gui;

import javafx.application.Application;

/**
 * Starts the window. A separate class because a classpath main class that extends {@link
 * Application} makes the launcher insist on the JavaFX modules ("JavaFX runtime components are
 * missing").
 */
public final class GuiLauncher {
  private GuiLauncher() {}

  public static void launch(String... args) {
    Application.launch(DeckhandApp.class, args);
  }
}
