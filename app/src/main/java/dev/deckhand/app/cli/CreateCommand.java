package dev.deckhand.app.cli;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.ResolvedType;
import dev.deckhand.core.catalog.TypeDetector;
import dev.deckhand.core.cluster.CurrentNamespace;
import dev.deckhand.core.config.ComponentNameGenerator;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.LocalConfig;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.config.PortSpec;
import dev.deckhand.core.config.SourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deckhand create}: writes {@code .odo/config.yaml} the way {@code odo create} does. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a component in a folder: writes .odo/config.yaml (odo 1.x LocalConfig).",
      "TYPE is detected from package.json / pom.xml when omitted."
    })
final class CreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TYPE",
      description = "Component type, odo syntax [namespace/]name[:tag], e.g. nodejs or java:11.")
  String type;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "NAME",
      description = "Component name (default: <type>-<folder>-<4 random letters>, as odo).")
  String name;

  @Option(names = "--app", paramLabel = "APP", description = "Application (default: app).")
  String app;

  @Option(
      names = "--project",
      paramLabel = "NS",
      description = "Namespace / project (default: the current kubeconfig context's).")
  String project;

  @Option(
      names = {"--port", "-p"},
      paramLabel = "PORT",
      split = ",",
      description = "Port(s) such as 8080 or 8080/TCP (default: the type's ports).")
  List<String> ports = new ArrayList<>();

  @Option(names = "--force", description = "Overwrite an existing .odo/config.yaml.")
  boolean force;

  @Override
  public Integer call() throws IOException, ConfigException {
    Path dir = context.folder();
    Path configFile = LocalConfigFile.pathIn(dir);
    if (Files.exists(configFile) && !force) {
      throw new CliException(
          dir + " already has a component (" + configFile + "); use --force to replace it");
    }
    ComponentCatalog catalog = ComponentCatalog.loadDefault();
    String typeSpec = type != null ? type : detectType(dir, catalog);
    ResolvedType resolved = catalog.resolve(typeSpec);

    ComponentSettings s = new ComponentSettings();
    s.type = typeSpec;
    s.sourceLocation = "./";
    s.sourceType = SourceType.LOCAL;
    s.ports = ports.isEmpty() ? new ArrayList<>(resolved.type().defaultPorts()) : canonical(ports);
    s.application = app != null ? app : ComponentSettings.DEFAULT_APPLICATION;
    s.project = project != null ? project : CurrentNamespace.get();
    s.name = name != null ? name : new ComponentNameGenerator().generate(typeSpec, folderName(dir));

    LocalConfig config = LocalConfig.of(s);
    // Validate exactly as a later read would, so a bad NAME or --app fails now, not at push.
    LocalConfigFile.parse(configFile, LocalConfigFile.toYaml(config));
    LocalConfigFile.write(dir, config);

    spec.commandLine()
        .getOut()
        .printf(
            "Created component %s (%s) in %s%n  application %s, project %s, ports %s%n"
                + "Next: deckhand push --context %s%n",
            s.name, typeSpec, dir, s.application, s.project, String.join(", ", s.ports), dir);
    return 0;
  }

  private static String detectType(Path dir, ComponentCatalog catalog) {
    return TypeDetector.detect(dir, catalog)
        .orElseThrow(
            () ->
                new CliException(
                    "cannot tell the component type of "
                        + dir
                        + " (no package.json, pom.xml, …); give it: deckhand create TYPE, one of "
                        + String.join(", ", catalog.names())));
  }

  private static List<String> canonical(List<String> ports) {
    List<String> out = new ArrayList<>();
    for (String p : ports) {
      try {
        out.add(PortSpec.parse(p).toString());
      } catch (IllegalArgumentException e) {
        throw new CliException("--port: " + e.getMessage());
      }
    }
    return out;
  }

  private static String folderName(Path dir) {
    Path name = dir.getFileName();
    return name == null ? "" : name.toString();
  }
}
