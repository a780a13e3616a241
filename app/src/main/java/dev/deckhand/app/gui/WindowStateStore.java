package dev.deckhand.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code $XDG_CONFIG_HOME/deckhand/window.json} (or {@code ~/.config/deckhand/window.json}). A
 * missing or unreadable file means "no saved state": the window opens with its defaults, never
 * fails to open.
 */
public final class WindowStateStore {
  private final JsonFile<WindowState> json;

  public WindowStateStore(Path file) {
    this.json = new JsonFile<>(file, WindowState.class);
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
    return json.path();
  }

  public Optional<WindowState> load() {
    return json.read().map(WindowState::sane);
  }

  /** Writes atomically, so a crash never leaves half a file. */
  public void save(WindowState state) throws IOException {
    json.write(state);
  }
}
