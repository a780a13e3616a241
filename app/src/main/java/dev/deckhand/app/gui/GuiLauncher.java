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
    // JavaFX's glass uses GTK 3; AWT (the tray) must load the same GTK, or the process crashes in
    // the GTK main loop as soon as a tray manager is present (seen under Xvfb with trayer).
    if (System.getProperty("jdk.gtk.version") == null) {
      System.setProperty("jdk.gtk.version", "3");
    }
    Application.launch(DeckhandApp.class, args);
  }
}
