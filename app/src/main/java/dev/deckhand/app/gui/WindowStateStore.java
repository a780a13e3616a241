package dev.deckhand.app.gui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $XDG_CONFIG_HOME/deckhand/window.json} (or {@code ~/.config/deckhand/window.json}). A
 * missing or unreadable file means "no saved state": the window opens with its defaults, never
 * fails to open.
 */
public final class WindowStateStore {
  private static final Logger LOG = LoggerFactory.getLogger(WindowStateStore.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;

  public WindowStateStore(Path file) {
    this.file = file;
  }

  /** The store at the XDG location of this user. */
  public static WindowStateStore forUser() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path config =
        xdg == null || xdg.isBlank()
            ? Path.of(System.getProperty("user.home"), ".config")
            : Path.of(xdg);
    return new WindowStateStore(config.resolve("deckhand").resolve("window.json"));
  }

  public Path file() {
    return file;
  }

  public Optional<WindowState> load() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), WindowState.class).sane());
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring unreadable window state {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Writes atomically (a temp file renamed over), so a crash never leaves half a file. */
  public void save(WindowState state) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "window", ".json.tmp");
    try {
      JSON.writeValue(tmp.toFile(), state);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
