package dev.deckhand.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code settings.json} next to {@code window.json}. As with the window state, an unreadable file
 * means the defaults, and a failed write is logged, never fatal.
 */
public final class AppSettingsStore {
  private static final Logger LOG = LoggerFactory.getLogger(AppSettingsStore.class);
  private final JsonFile<AppSettings> json;

  public AppSettingsStore(Path file) {
    this.json = new JsonFile<>(file, AppSettings.class);
  }

  public static AppSettingsStore forUser() {
    return new AppSettingsStore(WindowStateStore.forUser().file().resolveSibling("settings.json"));
  }

  public Path file() {
    return json.path();
  }

  public AppSettings load() {
    return json.read().orElse(AppSettings.DEFAULTS);
  }

  /** Reads, changes and writes back (atomically), so two settings never overwrite each other. */
  public synchronized AppSettings update(UnaryOperator<AppSettings> change) {
    AppSettings next = change.apply(load());
    try {
      json.write(next);
    } catch (IOException e) {
      LOG.warn("could not save settings to {}: {}", json.path(), e.getMessage());
    }
    return next;
  }
}
