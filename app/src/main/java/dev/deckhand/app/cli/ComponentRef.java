package dev.deckhand.app.cli;

import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.manifest.ComponentNames;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/** The component of a folder: its names and namespace, from {@code .odo/config.yaml}. */
record ComponentRef(ComponentSettings settings, ComponentNames names, String namespace) {
  static ComponentRef of(Path dir, KubernetesClient client) throws ConfigException {
    ComponentSettings s = LocalConfigFile.read(dir).settings;
    if (s.name == null) {
      throw new CliException(LocalConfigFile.pathIn(dir) + ": ComponentSettings.Name is missing");
    }
    ComponentNames names = new ComponentNames(s.name, s.applicationOrDefault());
    String ns =
        s.project != null
            ? s.project
            : client.getNamespace() == null ? "default" : client.getNamespace();
    return new ComponentRef(s, names, ns);
  }
}
