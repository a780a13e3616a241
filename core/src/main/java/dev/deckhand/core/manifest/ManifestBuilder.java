package dev.deckhand.core.manifest;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.catalog.ResolvedType;
import dev.deckhand.core.catalog.S2iLabels;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.EnvSetting;
import dev.deckhand.core.config.PortSpec;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.config.StorageSetting;
import dev.deckhand.core.config.UrlSetting;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.DeploymentConfigBuilder;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.ImageStreamBuilder;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.RouteBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds the cluster objects odo 1.x creates for an s2i local/binary component (reference §1):
 *
 * <pre>
 * ComponentManifests m = new ManifestBuilder(settings, type, Platform.KUBERNETES)
 *     .workloadKind(WorkloadKind.DEPLOYMENT)
 *     .build();
 * </pre>
 *
 * Owner references (to the workload) are added only when {@link #ownerUid(String)} is given,
 * because the UID exists only once the workload has been created: apply the workload first, then
 * build again with its UID for the rest.
 */
public final class ManifestBuilder {
  /** The init image odo v1.2.5/v1.2.6 use by default. */
  public static final String ODO_INIT_IMAGE =
      "registry.access.redhat.com/ocp-tools-4/odo-init-container-rhel8:1.1.5";

  /** The odo-init-compatible image the sandbox builds locally. */
  public static final String SANDBOX_INIT_IMAGE = "localhost/deckhand/odo-init:latest";

  /** odo's environment variable for another init ("bootstrapper") image. */
  public static final String BOOTSTRAPPER_IMAGE_ENV = "ODO_BOOTSTRAPPER_IMAGE";

  public static final String SUPERVISORD_VOLUME = "odo-supervisord-shared-data";
  public static final String SUPERVISORD_MOUNT = "/opt/odo/";
  public static final String COPY_FILES_CONTAINER = "copy-files-to-volume";
  public static final String COPY_SUPERVISORD_CONTAINER = "copy-supervisord";
  public static final String APP_ROOT = "/opt/app-root";
  public static final String SRC_BACKUP_DIR = "/opt/app-root/src-backup";
  public static final String RESOLVE_NAMES_ANNOTATION =
      "alpha.image.policy.openshift.io/resolve-names";
  public static final String IMAGE_TRIGGERS_ANNOTATION = "image.openshift.io/triggers";

  /** The image DeploymentConfig containers get; the ImageChange trigger fills in the real one. */
  static final String DC_PLACEHOLDER_IMAGE = " ";

  private static final String S2I_DATA_SIZE = "1Gi";
  private static final String DEFAULT_STORAGE_SIZE = "1Gi";

  private final ComponentSettings settings;
  private final ResolvedType type;
  private final Platform platform;
  private WorkloadKind workloadKind = WorkloadKind.DEPLOYMENT;
  private String initImage;
  private String ownerUid;
  private UnaryOperator<String> environment = System::getenv;

  public ManifestBuilder(ComponentSettings settings, ResolvedType type, Platform platform) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.type = Objects.requireNonNull(type, "type");
    this.platform = Objects.requireNonNull(platform, "platform");
  }

  /** Deployment (default) or DeploymentConfig; a DeploymentConfig needs OpenShift. */
  public ManifestBuilder workloadKind(WorkloadKind kind) {
    this.workloadKind = kind == null ? WorkloadKind.DEPLOYMENT : kind;
    return this;
  }

  /** The init image; null means the default (see {@link #defaultInitImage}). */
  public ManifestBuilder initImage(String image) {
    this.initImage = image == null || image.isBlank() ? null : image;
    return this;
  }

  /** The UID of the created workload; adds owner references to the objects it owns. */
  public ManifestBuilder ownerUid(String uid) {
    this.ownerUid = uid == null || uid.isBlank() ? null : uid;
    return this;
  }

  /** Where environment variables come from; tests replace {@link System#getenv}. */
  ManifestBuilder environment(UnaryOperator<String> environment) {
    this.environment = environment;
    return this;
  }

  /**
   * The init image when none is given: {@code $ODO_BOOTSTRAPPER_IMAGE} if set (as with odo), else
   * odo's published image; the sandbox always uses its locally built one, because it may be offline
   * and {@code ODO_BOOTSTRAPPER_IMAGE} is meant for real clusters.
   */
  public static String defaultInitImage(Platform platform, UnaryOperator<String> environment) {
    if (platform == Platform.SANDBOX) {
      return SANDBOX_INIT_IMAGE;
    }
    String fromEnv = environment.apply(BOOTSTRAPPER_IMAGE_ENV);
    return fromEnv == null || fromEnv.isBlank() ? ODO_INIT_IMAGE : fromEnv.trim();
  }

  /**
   * Builds the objects.
   *
   * @throws ManifestException when the settings cannot make a component (the message says why)
   */
  public ComponentManifests build() {
    if (settings.name == null || settings.name.isBlank()) {
      throw new ManifestException("the component has no name (ComponentSettings.Name)");
    }
    if (settings.sourceTypeOrDefault() == SourceType.GIT) {
      throw new ManifestException(
          "component '"
              + settings.name
              + "' has SourceType git, which Deckhand does not support;"
              + " use local or binary");
    }
    if (workloadKind == WorkloadKind.DEPLOYMENT_CONFIG && platform != Platform.OPENSHIFT) {
      throw new ManifestException(
          "a DeploymentConfig needs OpenShift; this cluster is " + platformName());
    }
    String app = settings.applicationOrDefault();
    ComponentNames names = new ComponentNames(settings.name, app);
    List<PortSpec> ports = ports();
    checkUrls(ports);
    S2iLabels s2i = s2iLabels();
    Context ctx = new Context(names, ports, s2i);

    List<PersistentVolumeClaim> storagePvcs = new ArrayList<>();
    for (StorageSetting st : settings.storageOrEmpty()) {
      storagePvcs.add(storagePvc(ctx, st));
    }
    ImageStream imageStream = null;
    HasMetadata workload;
    if (workloadKind == WorkloadKind.DEPLOYMENT_CONFIG) {
      imageStream =
          new ImageStreamBuilder()
              .withMetadata(meta(ctx, names.name(), false))
              .withNewSpec()
              .endSpec()
              .build();
      workload = deploymentConfig(ctx);
    } else {
      workload = deployment(ctx);
    }
    Service service = ports.isEmpty() ? null : service(ctx);
    List<Secret> secrets = new ArrayList<>();
    Set<Integer> secretPorts = new HashSet<>();
    for (PortSpec p : ports) {
      if (secretPorts.add(p.port())) {
        secrets.add(secret(ctx, p.port()));
      }
    }
    PersistentVolumeClaim s2iData =
        pvc(meta(ctx, names.s2iDataPvc(), true), S2I_DATA_SIZE, names.s2iDataPvc());
    List<Route> routes = new ArrayList<>();
    List<Ingress> ingresses = new ArrayList<>();
    for (UrlSetting url : settings.urlsOrEmpty()) {
      if (platform == Platform.OPENSHIFT) {
        routes.add(route(ctx, url));
      } else {
        ingresses.add(ingress(ctx, url));
      }
    }
    return new ComponentManifests(
        names,
        workloadKind,
        storagePvcs,
        imageStream,
        workload,
        service,
        secrets,
        s2iData,
        routes,
        ingresses);
  }

  /** What every part of the build needs. */
  private record Context(ComponentNames names, List<PortSpec> ports, S2iLabels s2i) {}

  // ---- validation ------------------------------------------------------------------------------

  private List<PortSpec> ports() {
    List<PortSpec> ports = new ArrayList<>();
    List<String> raw = settings.portsOrEmpty();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      PortSpec p;
      try {
        p = PortSpec.parse(Objects.requireNonNullElse(raw.get(i), ""));
      } catch (IllegalArgumentException e) {
        throw new ManifestException("Ports[" + i + "]: " + e.getMessage(), e);
      }
      if (!seen.add(p.portName())) {
        throw new ManifestException("port " + p + " is listed twice in Ports");
      }
      ports.add(p);
    }
    return ports;
  }

  private void checkUrls(List<PortSpec> ports) {
    Set<String> urlNames = new HashSet<>();
    for (UrlSetting url : settings.urlsOrEmpty()) {
      if (url.name() == null || url.name().isBlank()) {
        throw new ManifestException("a URL has no name");
      }
      if (!urlNames.add(url.name())) {
        throw new ManifestException("URL '" + url.name() + "' is defined twice");
      }
      if (ports.isEmpty()) {
        throw new ManifestException(
            "URL '"
                + url.name()
                + "' points to port "
                + url.port()
                + ", but the component has no ports; add the port to Ports first");
      }
      if (ports.stream().noneMatch(p -> p.port() == url.port())) {
        throw new ManifestException(
            "URL '"
                + url.name()
                + "' points to port "
                + url.port()
                + ", which is not one of the component's ports ("
                + String.join(", ", ports.stream().map(PortSpec::toString).toList())
                + ")");
      }
      String routeName = url.name() + "-" + settings.applicationOrDefault();
      if (routeName.length() > 63) {
        throw new ManifestException(
            "URL '"
                + url.name()
                + "' gives the name '"
                + routeName
                + "', longer than 63"
                + " characters; choose a shorter URL name");
      }
    }
  }

  private S2iLabels s2iLabels() {
    S2iLabels s2i = type.type().s2i();
    try {
      s2i.scriptsProtocol();
    } catch (IllegalArgumentException e) {
      throw new ManifestException(
          "component type '" + type.type().name() + "': " + e.getMessage(), e);
    }
    return s2i;
  }

  private String platformName() {
    return platform.name().toLowerCase(Locale.ROOT);
  }

  // ---- metadata ------------------------------------------------------------------------------

  private Map<String, String> labels(Context ctx) {
    return OdoLabels.component(
        settings.name, ctx.names().application(), type.imageStreamName(), type.tag());
  }

  private Map<String, String> annotations() {
    return OdoLabels.annotations(
        settings.sourceLocation == null ? "./" : settings.sourceLocation,
        settings.sourceTypeOrDefault());
  }

  private ObjectMeta meta(Context ctx, String name, boolean owned) {
    ObjectMetaBuilder b =
        new ObjectMetaBuilder()
            .withName(name)
            .withLabels(labels(ctx))
            .withAnnotations(annotations());
    if (settings.project != null && !settings.project.isBlank()) {
      b.withNamespace(settings.project);
    }
    if (owned && ownerUid != null) {
      b.withOwnerReferences(ownerReference(ctx));
    }
    return b.build();
  }

  private OwnerReference ownerReference(Context ctx) {
    boolean dc = workloadKind == WorkloadKind.DEPLOYMENT_CONFIG;
    return new OwnerReferenceBuilder()
        .withApiVersion(dc ? "apps.openshift.io/v1" : "apps/v1")
        .withKind(dc ? "DeploymentConfig" : "Deployment")
        .withName(ctx.names().name())
        .withUid(ownerUid)
        .build();
  }

  // ---- workload ------------------------------------------------------------------------------

  private DeploymentConfig deploymentConfig(Context ctx) {
    String name = ctx.names().name();
    return new DeploymentConfigBuilder()
        .withMetadata(meta(ctx, name, false))
        .withNewSpec()
        .withReplicas(1)
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withSelector(Map.of(OdoLabels.POD_SELECTOR, name))
        .withTemplate(podTemplate(ctx, DC_PLACEHOLDER_IMAGE))
        .addNewTrigger()
        .withType("ConfigChange")
        .endTrigger()
        .addNewTrigger()
        .withType("ImageChange")
        .withNewImageChangeParams()
        .withAutomatic(true)
        .withContainerNames(name, COPY_FILES_CONTAINER)
        .withNewFrom()
        .withKind("ImageStreamTag")
        .withName(type.imageStream().tagName())
        .withNamespace(type.imageStreamNamespace())
        .endFrom()
        .endImageChangeParams()
        .endTrigger()
        .endSpec()
        .build();
  }

  private Deployment deployment(Context ctx) {
    String name = ctx.names().name();
    ObjectMeta meta = meta(ctx, name, false);
    if (platform == Platform.OPENSHIFT) {
      // The Deployment pulls the ImageStream tag through the internal registry; the trigger
      // annotation makes OpenShift roll it out again when the tag moves, as a DC would.
      meta.getAnnotations().put(IMAGE_TRIGGERS_ANNOTATION, imageTriggers(name));
    }
    return new DeploymentBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withReplicas(1)
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewSelector()
        .withMatchLabels(Map.of(OdoLabels.POD_SELECTOR, name))
        .endSelector()
        .withTemplate(podTemplate(ctx, builderImage()))
        .endSpec()
        .build();
  }

  private String builderImage() {
    try {
      return type.builderImage(platform);
    } catch (IllegalStateException e) {
      throw new ManifestException(e.getMessage(), e);
    }
  }

  private String imageTriggers(String containerName) {
    return "[{\"from\":{\"kind\":\"ImageStreamTag\",\"name\":\""
        + type.imageStream().tagName()
        + "\",\"namespace\":\""
        + type.imageStreamNamespace()
        + "\"},\"fieldPath\":\"spec.template.spec.containers[?(@.name==\\\""
        + containerName
        + "\\\")].image\"}]";
  }

  private PodTemplateSpec podTemplate(Context ctx, String builderImage) {
    String name = ctx.names().name();
    Map<String, String> podAnnotations = new LinkedHashMap<>();
    podAnnotations.put(RESOLVE_NAMES_ANNOTATION, "*");
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(Map.of(OdoLabels.POD_SELECTOR, name))
        .withAnnotations(podAnnotations)
        .endMetadata()
        .withSpec(podSpec(ctx, builderImage))
        .build();
  }

  private PodSpec podSpec(Context ctx, String builderImage) {
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
    for (StorageSetting st : settings.storageOrEmpty()) {
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
            .withImage(initImage != null ? initImage : defaultInitImage(platform, environment))
            .withCommand("/usr/bin/cp")
            .withArgs("-r", "/opt/odo-init/.", SUPERVISORD_MOUNT)
            .withVolumeMounts(mount(SUPERVISORD_VOLUME, SUPERVISORD_MOUNT, null))
            .build();
    Container app =
        new ContainerBuilder()
            .withName(names.name())
            .withImage(builderImage)
            .withPorts(containerPorts(ctx))
            .withCommand("/opt/odo/bin/go-init")
            .withArgs(
                "-pre",
                "/opt/odo/bin/s2i-setup",
                "-main",
                "/opt/odo/bin/supervisord -c /opt/app-root/conf/supervisor.conf")
            .withVolumeMounts(appMounts(ctx))
            .withEnv(env(ctx))
            .withResources(resources())
            .build();
    return new PodSpecBuilder()
        .withVolumes(volumes)
        .withInitContainers(copyFiles, copySupervisord)
        .withContainers(app)
        .build();
  }

  private List<ContainerPort> containerPorts(Context ctx) {
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

  private List<VolumeMount> appMounts(Context ctx) {
    ComponentNames names = ctx.names();
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(mount(SUPERVISORD_VOLUME, SUPERVISORD_MOUNT, null));
    mounts.add(mount(names.s2iDataPvc(), APP_ROOT, "app-root"));
    String deployments = ctx.s2i().deploymentsDir();
    if (!deployments.isEmpty() && !isSubDir(APP_ROOT, deployments)) {
      mounts.add(mount(names.s2iDataPvc(), deployments, "deployment"));
    }
    for (StorageSetting st : settings.storageOrEmpty()) {
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
  private List<EnvVar> env(Context ctx) {
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

  private static Quantity quantity(String value, String field) {
    try {
      Quantity q = new Quantity(value);
      Quantity.getAmountInBytes(q); // validates the number and the suffix
      return q;
    } catch (RuntimeException e) {
      throw new ManifestException(
          field + ": '" + value + "' is not a quantity (e.g. 512Mi, 1Gi, 0.5, 500m)", e);
    }
  }

  static String setupVolumeScript() {
    try (InputStream in = ManifestBuilder.class.getResourceAsStream("setup-volume.sh")) {
      if (in == null) {
        throw new IllegalStateException("resource setup-volume.sh is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- service, secrets, storage, urls ---------------------------------------------------------

  private Service service(Context ctx) {
    String name = ctx.names().name();
    List<ServicePort> ports =
        ctx.ports().stream()
            .map(
                p ->
                    new ServicePortBuilder()
                        .withName(p.portName())
                        .withPort(p.port())
                        .withProtocol(p.protocol())
                        .withTargetPort(new IntOrString(p.port()))
                        .build())
            .toList();
    return new ServiceBuilder()
        .withMetadata(meta(ctx, name, true))
        .withNewSpec()
        .withPorts(ports)
        .withSelector(Map.of(OdoLabels.POD_SELECTOR, name))
        .endSpec()
        .build();
  }

  private Secret secret(Context ctx, int port) {
    ObjectMeta meta = meta(ctx, ctx.names().secret(port), true);
    meta.getAnnotations().put(OdoLabels.COMPONENT_PORT, Integer.toString(port));
    String key = "COMPONENT_" + settings.name.toUpperCase(Locale.ROOT).replace('-', '_');
    Map<String, String> data = new LinkedHashMap<>();
    data.put(key + "_HOST", ctx.names().name());
    data.put(key + "_PORT", Integer.toString(port));
    return new SecretBuilder().withMetadata(meta).withType("Opaque").withStringData(data).build();
  }

  private PersistentVolumeClaim storagePvc(Context ctx, StorageSetting st) {
    if (st == null || st.name() == null || st.name().isBlank()) {
      throw new ManifestException("an entry of Storage has no name");
    }
    if (st.path() == null || !st.path().startsWith("/")) {
      throw new ManifestException(
          "storage '" + st.name() + "' needs an absolute mount path in the container");
    }
    ctx.names().storageVolume(st.name()); // checks the volume name early
    String pvcName = ctx.names().storagePvc(st.name());
    ObjectMeta meta = meta(ctx, pvcName, false);
    meta.getLabels().put(OdoLabels.STORAGE_NAME, st.name());
    String size =
        st.size() == null || st.size().isBlank() ? DEFAULT_STORAGE_SIZE : st.size().trim();
    quantity(size, "Storage '" + st.name() + "' Size");
    return pvc(meta, size, pvcName);
  }

  private static PersistentVolumeClaim pvc(ObjectMeta meta, String size, String name) {
    return new PersistentVolumeClaimBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .withRequests(Map.of("storage", new Quantity(size)))
        .endResources()
        .endSpec()
        .build();
  }

  private ObjectMeta urlMeta(Context ctx, UrlSetting url) {
    ObjectMeta meta = meta(ctx, ctx.names().route(url.name()), true);
    meta.getLabels().put(OdoLabels.URL_NAME, url.name());
    return meta;
  }

  private Route route(Context ctx, UrlSetting url) {
    RouteBuilder b =
        new RouteBuilder()
            .withMetadata(urlMeta(ctx, url))
            .withNewSpec()
            .withNewTo()
            .withKind("Service")
            .withName(ctx.names().name())
            .endTo()
            .withNewPort()
            .withTargetPort(new IntOrString(url.port()))
            .endPort()
            .endSpec();
    if (url.isSecure()) {
      b.editSpec()
          .withNewTls()
          .withTermination("edge")
          .withInsecureEdgeTerminationPolicy("Redirect")
          .endTls()
          .endSpec();
    }
    return b.build();
  }

  private Ingress ingress(Context ctx, UrlSetting url) {
    return new IngressBuilder()
        .withMetadata(urlMeta(ctx, url))
        .withNewSpec()
        .addNewRule()
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(ctx.names().name())
        .withNewPort()
        .withNumber(url.port())
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }
}
