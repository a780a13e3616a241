package dev.deckhand.app.cli;

import java.nio.file.Path;

/** Where Deckhand keeps per-user settings: {@code $XDG_CONFIG_HOME/deckhand} or ~/.config/deckhand. */
final class UserFiles {
  private UserFiles() {}

  static Path configDir() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("deckhand");
  }

  /** Users' own component types (see the README's "Component types"). */
  static Path componentTypes() {
    return configDir().resolve("component-types.yaml");
  }
}
