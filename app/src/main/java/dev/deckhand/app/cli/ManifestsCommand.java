package dev.deckhand.app.cli;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.catalog.ResolvedType;
import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.LocalConfig;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.manifest.ComponentManifests;
import dev.deckhand.core.manifest.ManifestBuilder;
import dev.deckhand.core.manifest.ManifestYaml;
import dev.deckhand.core.manifest.WorkloadKind;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand manifests}: the YAML of every object a push would create. */
@Command(
    name = "manifests",
    mixinStandardHelpOptions = true,
    description = "Print the YAML of every object a push would create (odo 1.x layout).")
final class ManifestsCommand implements Callable<Integer> {
  enum PlatformOption {
    kubernetes,
    openshift,
    sandbox
  }

  enum WorkloadOption {
    deployment,
    deploymentconfig
  }

  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(
      names = "--platform",
      paramLabel = "PLATFORM",
      description = "kubernetes (default), openshift or sandbox.")
  PlatformOption platform = PlatformOption.kubernetes;

  @Option(
      names = "--workload",
      paramLabel = "KIND",
      description =
          "deployment (default) or deploymentconfig (OpenShift only; odo 1.x components use it).")
  WorkloadOption workload = WorkloadOption.deployment;

  @Option(
      names = "--init-image",
      paramLabel = "IMAGE",
      description = "Init (supervisord) image; default odo's, or $ODO_BOOTSTRAPPER_IMAGE.")
  String initImage;

  @Override
  public Integer call() throws ConfigException {
    Path dir = context.folder();
    LocalConfig config = LocalConfigFile.read(dir);
    if (config.settings.type == null) {
      throw new CliException(LocalConfigFile.pathIn(dir) + ": ComponentSettings.Type is missing");
    }
    ComponentCatalog catalog = ComponentCatalog.loadDefault();
    ResolvedType type = catalog.resolve(config.settings.type);
    Platform target = Platform.valueOf(platform.name().toUpperCase(java.util.Locale.ROOT));
    if (workload == WorkloadOption.deploymentconfig && target != Platform.OPENSHIFT) {
      throw new CliException("--workload deploymentconfig needs --platform openshift");
    }
    ManifestBuilder builder =
        new ManifestBuilder(config.settings, type, target)
            .workloadKind(
                workload == WorkloadOption.deploymentconfig
                    ? WorkloadKind.DEPLOYMENT_CONFIG
                    : WorkloadKind.DEPLOYMENT);
    if (initImage != null) {
      builder.initImage(initImage);
    }
    ComponentManifests manifests = builder.build();
    spec.commandLine().getOut().print(ManifestYaml.toYaml(manifests));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
