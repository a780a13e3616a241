package dev.deckhand.core.config;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.ResolvedType;
import dev.deckhand.core.catalog.TypeDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates a component in a folder the way {@code odo create} does: type detected from the folder
 * when not given, ports from the type, an odo-style default name, application {@code app}, and a
 * {@code .odo/config.yaml} that is validated exactly as a later read would before it is written.
 * Shared by the CLI's {@code create} and the window's "Create component" form.
 */
public final class ComponentCreator {

  /** The input a bad value belongs to, so a form can put the message next to it. */
  public enum Field {
    FOLDER,
    TYPE,
    NAME,
    APPLICATION,
    NAMESPACE,
    PORTS
  }

  /** A request that cannot be carried out; nothing was written. */
  public static final class InvalidRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Field field;

    public InvalidRequestException(Field field, String message, Throwable cause) {
      super(message, cause);
      this.field = field;
    }

    public Field field() {
      return field;
    }
  }

  /**
   * What to create. Null or blank values take the defaults: the detected type, an odo-style name,
   * application {@code app}, the default namespace and the type's ports.
   *
   * @param overwrite replace an existing {@code .odo/config.yaml}
   */
  public record Request(
      Path folder,
      String type,
      String name,
      String application,
      String namespace,
      List<String> ports,
      boolean overwrite) {
    public Request {
      if (folder == null) {
        throw new IllegalArgumentException("folder is required");
      }
      ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** Everything defaulted. */
    public static Request in(Path folder) {
      return new Request(folder, null, null, null, null, List.of(), false);
    }
  }

  /** What was written. */
  public record Result(
      Path folder,
      Path configFile,
      String type,
      String name,
      String application,
      String namespace,
      List<String> ports) {
    public Result {
      ports = List.copyOf(ports);
    }
  }

  private final ComponentCatalog catalog;
  private final ComponentNameGenerator names;
  private final Supplier<String> defaultNamespace;

  public ComponentCreator(
      ComponentCatalog catalog, ComponentNameGenerator names, Supplier<String> defaultNamespace) {
    this.catalog = catalog;
    this.names = names;
    this.defaultNamespace = defaultNamespace;
  }

  public ComponentCatalog catalog() {
    return catalog;
  }

  /** The catalog type the folder's files suggest ({@code package.json} ⇒ nodejs). */
  public Optional<String> detectType(Path folder) {
    return TypeDetector.detect(folder, catalog);
  }

  /** odo's default name, {@code <type>-<folder>-<4 letters>}. */
  public String defaultName(String type, Path folder) {
    return names.generate(type, folderName(folder));
  }

  /**
   * The type's default ports in canonical form ({@code 8080/TCP}).
   *
   * @throws InvalidRequestException when the type is unknown or not a type spec
   */
  public List<String> defaultPorts(String type) throws InvalidRequestException {
    return List.copyOf(resolve(type).type().defaultPorts());
  }

  /**
   * Validates the request, fills in the defaults and writes {@code .odo/config.yaml}.
   *
   * @throws InvalidRequestException for bad input; nothing is written then
   * @throws IOException when the file cannot be written
   */
  public Result create(Request request) throws InvalidRequestException, IOException {
    Path dir = request.folder();
    if (!Files.isDirectory(dir)) {
      throw new InvalidRequestException(Field.FOLDER, dir + " is not a folder", null);
    }
    Path configFile = LocalConfigFile.pathIn(dir);
    if (Files.exists(configFile) && !request.overwrite()) {
      throw new InvalidRequestException(
          Field.FOLDER, dir + " already has a component (" + configFile + ")", null);
    }
    String typeSpec = blank(request.type()) ? null : request.type().trim();
    if (typeSpec == null) {
      typeSpec =
          detectType(dir)
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          Field.TYPE,
                          "cannot tell the component type of "
                              + dir
                              + "; choose one of "
                              + String.join(", ", catalog.names()),
                          null));
    }
    ResolvedType resolved = resolve(typeSpec);

    ComponentSettings s = new ComponentSettings();
    s.type = typeSpec;
    s.sourceLocation = "./";
    s.sourceType = SourceType.LOCAL;
    s.ports =
        request.ports().isEmpty()
            ? new ArrayList<>(resolved.type().defaultPorts())
            : canonicalPorts(request.ports());
    s.application =
        blank(request.application())
            ? ComponentSettings.DEFAULT_APPLICATION
            : request.application().trim();
    s.project = blank(request.namespace()) ? defaultNamespace.get() : request.namespace().trim();
    s.name = blank(request.name()) ? defaultName(typeSpec, dir) : request.name().trim();

    LocalConfig config = LocalConfig.of(s);
    // Validate exactly as a later read would, so a bad name or application fails now, not at push.
    try {
      LocalConfigFile.parse(configFile, LocalConfigFile.toYaml(config));
    } catch (ConfigException e) {
      throw new InvalidRequestException(fieldOf(e.field()), problemOf(e), e);
    }
    LocalConfigFile.write(dir, config);
    return new Result(dir, configFile, typeSpec, s.name, s.application, s.project, s.ports);
  }

  /**
   * Each port parsed with {@link PortSpec} and written canonically ({@code 8080/TCP}).
   *
   * @throws InvalidRequestException naming the first bad port
   */
  public static List<String> canonicalPorts(List<String> ports) throws InvalidRequestException {
    List<String> out = new ArrayList<>();
    for (String p : ports) {
      try {
        out.add(PortSpec.parse(p).toString());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(Field.PORTS, e.getMessage(), e);
      }
    }
    return out;
  }

  private ResolvedType resolve(String typeSpec) throws InvalidRequestException {
    try {
      return catalog.resolve(typeSpec);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(Field.TYPE, e.getMessage(), e);
    }
  }

  private static Field fieldOf(String configField) {
    if (configField == null) {
      return Field.FOLDER;
    }
    if (configField.endsWith(".Name")) {
      return Field.NAME;
    }
    if (configField.endsWith(".Application")) {
      return Field.APPLICATION;
    }
    if (configField.endsWith(".Project")) {
      return Field.NAMESPACE;
    }
    if (configField.contains(".Ports")) {
      return Field.PORTS;
    }
    if (configField.endsWith(".Type")) {
      return Field.TYPE;
    }
    return Field.FOLDER;
  }

  /** The problem alone, without the file and field prefix of a ConfigException's message. */
  private static String problemOf(ConfigException e) {
    String msg = e.getMessage();
    String marker = e.field() == null ? null : e.field() + ": ";
    int at = marker == null ? -1 : msg.indexOf(marker);
    return at < 0 ? msg : msg.substring(at + marker.length());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String folderName(Path dir) {
    Path name = dir.getFileName();
    return name == null ? "" : name.toString();
  }
}
