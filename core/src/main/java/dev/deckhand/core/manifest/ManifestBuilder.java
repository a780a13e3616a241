package dev.deckhand.core.manifest;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.catalog.ResolvedType;
import dev.deckhand.core.catalog.S2iLabels;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.PortSpec;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.config.UrlSetting;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
    ManifestContext ctx =
        new ManifestContext(
            settings,
            type,
            platform,
            workloadKind,
            names,
            ports,
            s2i,
            initImage != null ? initImage : defaultInitImage(platform, environment),
            ownerUid);

    StorageObjects storage = new StorageObjects(ctx);
    NetworkObjects network = new NetworkObjects(ctx);
    Workloads workloads = new Workloads(ctx);
    List<PersistentVolumeClaim> storagePvcs = storage.storagePvcs();
    ImageStream imageStream = null;
    HasMetadata workload;
    if (workloadKind == WorkloadKind.DEPLOYMENT_CONFIG) {
      imageStream = workloads.imageStream();
      workload = workloads.deploymentConfig();
    } else {
      workload = workloads.deployment();
    }
    Service service = network.service();
    List<Secret> secrets = network.secrets();
    PersistentVolumeClaim s2iData = storage.s2iDataPvc();
    List<Route> routes = network.routes();
    List<Ingress> ingresses = network.ingresses();
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
}
