package dev.deckhand.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/** The two AtlantaFX themes; the app's own stylesheet only uses their looked-up colours. */
public enum Theme {
  LIGHT,
  DARK;

  public void apply() {
    Application.setUserAgentStylesheet(
        this == DARK
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  /**
   * JavaFX 21 cannot ask the desktop for its colour scheme (that arrives in 22), so this reads the
   * conventions GTK users set: {@code GTK_THEME=Adwaita:dark}, or {@code DECKHAND_THEME=dark}.
   */
  public static Theme fromSystem() {
    String own = System.getenv("DECKHAND_THEME");
    if (own != null) {
      return own.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
    }
    String gtk = System.getenv("GTK_THEME");
    return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
  }
}
