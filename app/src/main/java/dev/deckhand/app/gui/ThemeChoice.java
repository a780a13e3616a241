package dev.deckhand.app.gui;

/** What the user picked in the Theme menu; {@link #SYSTEM} follows the desktop. */
public enum ThemeChoice {
  LIGHT("Light"),
  DARK("Dark"),
  SYSTEM("Follow system");

  private final String label;

  ThemeChoice(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
