package dev.deckhand.app.gui;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's choices that outlive a run.
 *
 * @param theme the Theme menu's choice; {@code null} reads as {@link ThemeChoice#SYSTEM}
 * @param keepRunningInTray whether closing the window keeps Deckhand in the tray; {@code null}
 *     means "while auto-sync is on" (the default)
 * @param recentFolders component folders opened before, the latest first, so a component clicked in
 *     the sidebar opens its folder in a later run too
 */
public record AppSettings(
    ThemeChoice theme, Boolean keepRunningInTray, List<String> recentFolders) {
  public static final AppSettings DEFAULTS = new AppSettings(ThemeChoice.SYSTEM, null, List.of());
  static final int RECENT_FOLDERS = 30;

  public AppSettings {
    theme = theme == null ? ThemeChoice.SYSTEM : theme;
    recentFolders = recentFolders == null ? List.of() : List.copyOf(recentFolders);
  }

  public AppSettings withTheme(ThemeChoice t) {
    return new AppSettings(t, keepRunningInTray, recentFolders);
  }

  public AppSettings withKeepRunningInTray(Boolean keep) {
    return new AppSettings(theme, keep, recentFolders);
  }

  /** The folder first, once, and the oldest dropped past {@value #RECENT_FOLDERS}. */
  public AppSettings withRecentFolder(String folder) {
    List<String> next = new ArrayList<>(RECENT_FOLDERS);
    next.add(folder);
    for (String f : recentFolders) {
      if (!f.equals(folder) && next.size() < RECENT_FOLDERS) {
        next.add(f);
      }
    }
    return new AppSettings(theme, keepRunningInTray, next);
  }
}
