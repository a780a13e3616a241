package dev.deckhand.core.catalog;

import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.YamlText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The component types Deckhand knows: the built-ins shipped in {@code builtin-types.yaml} plus the
 * user's own from {@code component-types.yaml}, where an entry with a built-in's name replaces it.
 */
public final class ComponentCatalog {
  static final String BUILTIN_RESOURCE = "builtin-types.yaml";
  public static final String USER_FILE_NAME = "component-types.yaml";

  private final Map<String, ComponentType> types;

  private ComponentCatalog(Map<String, ComponentType> types) {
    this.types = types;
  }

  /** The built-in types only. */
  public static ComponentCatalog builtIn() {
    try {
      return new ComponentCatalog(index(builtInTypes(), List.of()));
    } catch (ConfigException e) {
      throw new IllegalStateException("the built-in component types are broken: " + e, e);
    }
  }

  /**
   * The built-ins plus the types in {@code userFileOrNull}; a missing file adds nothing.
   *
   * @throws ConfigException when the user file cannot be read or is malformed (file, line, field)
   */
  public static ComponentCatalog load(Path userFileOrNull) throws ConfigException {
    List<ComponentType> user = List.of();
    if (userFileOrNull != null) {
      try {
        String text = YamlText.decode(userFileOrNull, Files.readAllBytes(userFileOrNull));
        user = CatalogFile.parse(userFileOrNull, text);
      } catch (NoSuchFileException e) {
        user = List.of();
      } catch (AccessDeniedException e) {
        throw new ConfigException(userFileOrNull, 0, null, "cannot read it: permission denied", e);
      } catch (IOException e) {
        throw new ConfigException(userFileOrNull, 0, null, "cannot read it: " + e.getMessage(), e);
      }
    }
    return new ComponentCatalog(index(builtInTypes(), user));
  }

  /** The built-ins plus the types in the user's default settings file. */
  public static ComponentCatalog loadDefault() throws ConfigException {
    return load(defaultUserFile());
  }

  /**
   * {@code $XDG_CONFIG_HOME/deckhand/component-types.yaml}, or {@code
   * ~/.config/deckhand/component-types.yaml} when XDG_CONFIG_HOME is not set.
   */
  public static Path defaultUserFile() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("deckhand").resolve(USER_FILE_NAME);
  }

  /** All types, built-ins first in file order, then the user's additions. */
  public Collection<ComponentType> types() {
    return types.values();
  }

  /** The names of all types. */
  public List<String> names() {
    return List.copyOf(types.keySet());
  }

  /** The type with this exact name. */
  public Optional<ComponentType> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /**
   * Resolves odo's {@code [namespace/]name[:tag]}: the name picks the catalog entry, a namespace
   * replaces the entry's ImageStream namespace and a tag its ImageStream tag.
   *
   * @throws UnknownComponentTypeException when no type has that name (lists the known ones)
   * @throws IllegalArgumentException when the text is not a type spec
   */
  public ResolvedType resolve(String typeSpec) {
    TypeSpec spec = TypeSpec.parse(typeSpec);
    ComponentType type = types.get(spec.name());
    if (type == null) {
      throw new UnknownComponentTypeException(spec.name(), names());
    }
    String namespace = spec.namespace() != null ? spec.namespace() : type.imageStream().namespace();
    String tag = spec.tag() != null ? spec.tag() : type.imageStream().tag();
    return new ResolvedType(type, namespace, tag);
  }

  private static Map<String, ComponentType> index(
      List<ComponentType> builtIns, List<ComponentType> user) {
    Map<String, ComponentType> map = new LinkedHashMap<>();
    for (ComponentType t : builtIns) {
      map.put(t.name(), t);
    }
    for (ComponentType t : user) {
      map.put(t.name(), t);
    }
    return map;
  }

  private static List<ComponentType> builtInTypes() throws ConfigException {
    try (InputStream in = ComponentCatalog.class.getResourceAsStream(BUILTIN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + BUILTIN_RESOURCE + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ArrayList<>(CatalogFile.parse(Path.of(BUILTIN_RESOURCE), text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
