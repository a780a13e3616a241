package dev.deckhand.app.gui;

import javafx.scene.Scene;

/** Adds Deckhand's stylesheet (layout and state colours on top of the AtlantaFX theme). */
public final class Styling {
  private Styling() {}

  public static void apply(Scene scene) {
    scene
        .getStylesheets()
        .add(Styling.class.getResource("/dev/deckhand/app/gui/deckhand.css").toExternalForm());
  }
}
