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
 * @param syncedFolders the folders auto-synced when Deckhand last ran with a tray, and to which
 *     context, so {@code deckhand --tray} at login picks them up again
 */
public record AppSettings(
    ThemeChoice theme,
    Boolean keepRunningInTray,
    List<String> recentFolders,
    List<SyncedFolder> syncedFolders) {
  public static final AppSettings DEFAULTS =
      new AppSettings(ThemeChoice.SYSTEM, null, List.of(), List.of());

  /** A folder auto-synced to a kubeconfig context (by name). */
  public record SyncedFolder(String folder, String context) {}

  static final int RECENT_FOLDERS = 30;

  public AppSettings {
    theme = theme == null ? ThemeChoice.SYSTEM : theme;
    recentFolders = recentFolders == null ? List.of() : List.copyOf(recentFolders);
    syncedFolders = syncedFolders == null ? List.of() : List.copyOf(syncedFolders);
  }

  public AppSettings withSyncedFolders(List<SyncedFolder> folders) {
    return new AppSettings(theme, keepRunningInTray, recentFolders, folders);
  }

  public AppSettings withTheme(ThemeChoice t) {
    return new AppSettings(t, keepRunningInTray, recentFolders, syncedFolders);
  }

  public AppSettings withKeepRunningInTray(Boolean keep) {
    return new AppSettings(theme, keep, recentFolders, syncedFolders);
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
    return new AppSettings(theme, keepRunningInTray, next, syncedFolders);
  }
}
