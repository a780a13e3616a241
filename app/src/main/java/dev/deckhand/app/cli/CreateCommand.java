package dev.deckhand.app.cli;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.cluster.CurrentNamespace;
import dev.deckhand.core.config.ComponentCreator;
import dev.deckhand.core.config.ComponentNameGenerator;
import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.LocalConfigFile;
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
    ComponentCreator creator =
        new ComponentCreator(catalog, new ComponentNameGenerator(), CurrentNamespace::get);
    String typeSpec = type != null ? type : detectType(dir, creator);
    ComponentCreator.Result created;
    try {
      created =
          creator.create(
              new ComponentCreator.Request(dir, typeSpec, name, app, project, ports, force));
    } catch (ComponentCreator.InvalidRequestException e) {
      if (e.getCause() instanceof ConfigException config) {
        throw config;
      }
      if (e.field() == ComponentCreator.Field.PORTS) {
        throw new CliException("--port: " + e.getMessage());
      }
      if (e.getCause() instanceof IllegalArgumentException typeProblem) {
        throw typeProblem;
      }
      throw new CliException(e.getMessage());
    }

    spec.commandLine()
        .getOut()
        .printf(
            "Created component %s (%s) in %s%n  application %s, project %s, ports %s%n"
                + "Next: deckhand push --context %s%n",
            created.name(),
            created.type(),
            dir,
            created.application(),
            created.namespace(),
            String.join(", ", created.ports()),
            dir);
    return 0;
  }

  private static String detectType(Path dir, ComponentCreator creator) {
    return creator
        .detectType(dir)
        .orElseThrow(
            () ->
                new CliException(
                    "cannot tell the component type of "
                        + dir
                        + " (no package.json, pom.xml, …); give it: deckhand create TYPE, one of "
                        + String.join(", ", creator.catalog().names())));
  }
}
