package dev.deckhand.core.manifest;

import static dev.deckhand.core.manifest.ManifestBuilder.APP_ROOT;
import static dev.deckhand.core.manifest.ManifestBuilder.COPY_FILES_CONTAINER;
import static dev.deckhand.core.manifest.ManifestBuilder.COPY_SUPERVISORD_CONTAINER;
import static dev.deckhand.core.manifest.ManifestBuilder.RESOLVE_NAMES_ANNOTATION;
import static dev.deckhand.core.manifest.ManifestBuilder.SRC_BACKUP_DIR;
import static dev.deckhand.core.manifest.ManifestBuilder.SUPERVISORD_MOUNT;
import static dev.deckhand.core.manifest.ManifestBuilder.SUPERVISORD_VOLUME;

import dev.deckhand.core.catalog.S2iLabels;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.EnvSetting;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.config.StorageSetting;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod odo runs a component in: two init containers (one copies the builder image's files to the
 * s2i data volume, one copies supervisord), then the app container with its ports, mounts,
 * environment and resources.
 */
final class PodTemplateFactory {
  private final ManifestContext ctx;

  PodTemplateFactory(ManifestContext ctx) {
    this.ctx = ctx;
  }

  /** The pod template of the workload; {@code builderImage} runs the app and copies the files. */
  PodTemplateSpec podTemplate(String builderImage) {
    String name = ctx.names().name();
    Map<String, String> podAnnotations = new LinkedHashMap<>();
    podAnnotations.put(RESOLVE_NAMES_ANNOTATION, "*");
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(Map.of(OdoLabels.POD_SELECTOR, name))
        .withAnnotations(podAnnotations)
        .endMetadata()
        .withSpec(podSpec(builderImage))
        .build();
  }

  private PodSpec podSpec(String builderImage) {
    ComponentNames names = ctx.names();
    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder().withName(SUPERVISORD_VOLUME).withNewEmptyDir().endEmptyDir().build());
    volumes.add(
        new VolumeBuilder()
            .withName(names.s2iDataPvc())
            .withNewPersistentVolumeClaim()
            .withClaimName(names.s2iDataPvc())
            .endPersistentVolumeClaim()
            .build());
    for (StorageSetting st : ctx.settings().storageOrEmpty()) {
      volumes.add(
          new VolumeBuilder()
              .withName(names.storageVolume(st.name()))
              .withNewPersistentVolumeClaim()
              .withClaimName(names.storagePvc(st.name()))
              .endPersistentVolumeClaim()
              .build());
    }
    Container copyFiles =
        new ContainerBuilder()
            .withName(COPY_FILES_CONTAINER)
            .withImage(builderImage)
            .withCommand("sh", "-c")
            .withArgs(setupVolumeScript())
            .withVolumeMounts(mount(names.s2iDataPvc(), "/mnt", null))
            .build();
    Container copySupervisord =
        new ContainerBuilder()
            .withName(COPY_SUPERVISORD_CONTAINER)
            .withImage(ctx.initImage())
            .withCommand("/usr/bin/cp")
            .withArgs("-r", "/opt/odo-init/.", SUPERVISORD_MOUNT)
            .withVolumeMounts(mount(SUPERVISORD_VOLUME, SUPERVISORD_MOUNT, null))
            .build();
    Container app =
        new ContainerBuilder()
            .withName(names.name())
            .withImage(builderImage)
            .withPorts(containerPorts())
            .withCommand("/opt/odo/bin/go-init")
            .withArgs(
                "-pre",
                "/opt/odo/bin/s2i-setup",
                "-main",
                "/opt/odo/bin/supervisord -c /opt/app-root/conf/supervisor.conf")
            .withVolumeMounts(appMounts())
            .withEnv(env())
            .withResources(resources())
            .build();
    return new PodSpecBuilder()
        .withVolumes(volumes)
        .withInitContainers(copyFiles, copySupervisord)
        .withContainers(app)
        .build();
  }

  private List<ContainerPort> containerPorts() {
    return ctx.ports().stream()
        .map(
            p ->
                new ContainerPortBuilder()
                    .withName(p.portName())
                    .withContainerPort(p.port())
                    .withProtocol(p.protocol())
                    .build())
        .toList();
  }

  private List<VolumeMount> appMounts() {
    ComponentNames names = ctx.names();
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(mount(SUPERVISORD_VOLUME, SUPERVISORD_MOUNT, null));
    mounts.add(mount(names.s2iDataPvc(), APP_ROOT, "app-root"));
    String deployments = ctx.s2i().deploymentsDir();
    if (!deployments.isEmpty() && !isSubDir(APP_ROOT, deployments)) {
      mounts.add(mount(names.s2iDataPvc(), deployments, "deployment"));
    }
    for (StorageSetting st : ctx.settings().storageOrEmpty()) {
      mounts.add(mount(names.storageVolume(st.name()), st.path(), null));
    }
    return mounts;
  }

  /** odo's {@code isSubDir}: {@code dir} is {@code base} or below it. */
  static boolean isSubDir(String base, String dir) {
    String b = stripTrailingSlash(base);
    String d = stripTrailingSlash(dir);
    return d.equals(b) || d.startsWith(b + "/");
  }

  private static String stripTrailingSlash(String s) {
    String r = s;
    while (r.length() > 1 && r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }

  private static VolumeMount mount(String volume, String path, String subPath) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withSubPath(subPath)
        .build();
  }

  /** User envs, DEBUG_PORT, then the s2i paths odo injects (replacing same-named user envs). */
  private List<EnvVar> env() {
    ComponentSettings settings = ctx.settings();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvSetting e : settings.envsOrEmpty()) {
      if (e == null || e.name() == null || e.name().isBlank()) {
        throw new ManifestException("an entry of Envs has no name");
      }
      if (env.containsKey(e.name())) {
        throw new ManifestException("environment variable '" + e.name() + "' is set twice in Envs");
      }
      env.put(e.name(), e.value() == null ? "" : e.value());
    }
    S2iLabels s2i = ctx.s2i();
    env.put("DEBUG_PORT", Integer.toString(settings.debugPortOrDefault()));
    env.put("ODO_S2I_SCRIPTS_URL", s2i.scriptsPath());
    env.put("ODO_S2I_SCRIPTS_PROTOCOL", s2i.scriptsProtocol());
    env.put("ODO_S2I_SRC_BIN_PATH", s2i.destination());
    env.put("ODO_S2I_DEPLOYMENT_DIR", s2i.deploymentsDir());
    env.put("ODO_S2I_WORKING_DIR", s2i.workingDir());
    env.put("ODO_S2I_BUILDER_IMG", s2i.builderImageName());
    if (settings.sourceTypeOrDefault() == SourceType.LOCAL) {
      env.put("ODO_SRC_BACKUP_DIR", SRC_BACKUP_DIR);
    }
    List<EnvVar> vars = new ArrayList<>();
    env.forEach((k, v) -> vars.add(new EnvVar(k, v, null)));
    return vars;
  }

  private ResourceRequirements resources() {
    ComponentSettings settings = ctx.settings();
    ResourceRequirementsBuilder b = new ResourceRequirementsBuilder();
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    putQuantity(requests, "cpu", settings.minCpu, "MinCPU");
    putQuantity(requests, "memory", settings.minMemory, "MinMemory");
    putQuantity(limits, "cpu", settings.maxCpu, "MaxCPU");
    putQuantity(limits, "memory", settings.maxMemory, "MaxMemory");
    if (!requests.isEmpty()) {
      b.withRequests(requests);
    }
    if (!limits.isEmpty()) {
      b.withLimits(limits);
    }
    return b.build();
  }

  private static void putQuantity(
      Map<String, Quantity> map, String key, String value, String field) {
    if (value == null || value.isBlank()) {
      return;
    }
    map.put(key, quantity(value.trim(), field));
  }

  /**
   * A validated quantity; {@code field} names the setting in the error.
   *
   * @throws ManifestException when {@code value} is not a Kubernetes quantity
   */
  static Quantity quantity(String value, String field) {
    try {
      Quantity q = new Quantity(value);
      Quantity.getAmountInBytes(q); // validates the number and the suffix
      return q;
    } catch (RuntimeException e) {
      throw new ManifestException(
          field + ": '" + value + "' is not a quantity (e.g. 512Mi, 1Gi, 0.5, 500m)", e);
    }
  }

  /** The script of the copy-files init container (resource {@code setup-volume.sh}). */
  static String setupVolumeScript() {
    try (InputStream in = PodTemplateFactory.class.getResourceAsStream("setup-volume.sh")) {
      if (in == null) {
        throw new IllegalStateException("resource setup-volume.sh is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
