package dev.deckhand.app.gui;

import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.LocalConfig;
import dev.deckhand.core.config.LocalConfigFile;
import java.nio.file.Path;

/** What the component page's header shows, read from the folder's {@code .odo/config.yaml}. */
public record ComponentInfo(
    Path folder, String name, String type, String application, String namespace) {

  /**
   * @throws ConfigException when the folder has no usable config (the caller says so in the UI)
   */
  public static ComponentInfo read(Path folder, String fallbackNamespace) throws ConfigException {
    LocalConfig config = LocalConfigFile.read(folder);
    ComponentSettings s = config.settings;
    String app = s.application == null ? ComponentSettings.DEFAULT_APPLICATION : s.application;
    String ns = s.project == null ? fallbackNamespace : s.project;
    String name = s.name == null ? folder.getFileName().toString() : s.name;
    return new ComponentInfo(folder, name, s.type == null ? "?" : s.type, app, ns);
  }
}
