package dev.deckhand.core.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Suggests a component type for a source folder from the files at its top level. */
public final class TypeDetector {
  private TypeDetector() {}

  /**
   * The first catalog type (in catalog order) whose detect files include one present directly in
   * {@code folder}: {@code package.json} ⇒ nodejs, {@code pom.xml} ⇒ java.
   */
  public static Optional<String> detect(Path folder, ComponentCatalog catalog) {
    if (folder == null || !Files.isDirectory(folder)) {
      return Optional.empty();
    }
    for (ComponentType type : catalog.types()) {
      for (String file : type.detectFiles()) {
        if (Files.exists(folder.resolve(file))) {
          return Optional.of(type.name());
        }
      }
    }
    return Optional.empty();
  }
}
