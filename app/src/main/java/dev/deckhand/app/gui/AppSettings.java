package dev.deckhand.app.gui;

/**
 * The user's choices that outlive a run.
 *
 * @param theme the Theme menu's choice; {@code null} reads as {@link ThemeChoice#SYSTEM}
 * @param keepRunningInTray whether closing the window keeps Deckhand in the tray; {@code null}
 *     means "while auto-sync is on" (the default)
 */
public record AppSettings(ThemeChoice theme, Boolean keepRunningInTray) {
  public static final AppSettings DEFAULTS = new AppSettings(ThemeChoice.SYSTEM, null);

  public AppSettings {
    theme = theme == null ? ThemeChoice.SYSTEM : theme;
  }

  public AppSettings withTheme(ThemeChoice t) {
    return new AppSettings(t, keepRunningInTray);
  }

  public AppSettings withKeepRunningInTray(Boolean keep) {
    return new AppSettings(theme, keep);
  }
}
