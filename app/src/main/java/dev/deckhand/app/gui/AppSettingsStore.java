package dev.deckhand.app.gui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code settings.json} next to {@code window.json}. As with the window state, an unreadable file
 * means the defaults, and a failed write is logged, never fatal.
 */
public final class AppSettingsStore {
  private static final Logger LOG = LoggerFactory.getLogger(AppSettingsStore.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;

  public AppSettingsStore(Path file) {
    this.file = file;
  }

  public static AppSettingsStore forUser() {
    return new AppSettingsStore(WindowStateStore.forUser().file().resolveSibling("settings.json"));
  }

  public Path file() {
    return file;
  }

  public AppSettings load() {
    if (!Files.isRegularFile(file)) {
      return AppSettings.DEFAULTS;
    }
    try {
      return JSON.readValue(file.toFile(), AppSettings.class);
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring unreadable settings {}: {}", file, e.getMessage());
      return AppSettings.DEFAULTS;
    }
  }

  /** Reads, changes and writes back (atomically), so two settings never overwrite each other. */
  public synchronized AppSettings update(UnaryOperator<AppSettings> change) {
    AppSettings next = change.apply(load());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "settings", ".json.tmp");
      try {
        JSON.writeValue(tmp.toFile(), next);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      LOG.warn("could not save settings to {}: {}", file, e.getMessage());
    }
    return next;
  }
}
