package dev.deckhand.core.manifest;

import dev.deckhand.core.config.SourceType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels, annotations and selectors of odo 1.x components (reference §1.2). */
public final class OdoLabels {
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String APP = "app";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VERSION = "app.kubernetes.io/managed-by-version";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String NAME = "app.kubernetes.io/name";
  public static final String RUNTIME_VERSION = "app.openshift.io/runtime-version";
  public static final String STORAGE_NAME = "app.kubernetes.io/storage-name";
  public static final String URL_NAME = "odo.openshift.io/url-name";
  public static final String POD_SELECTOR = "deploymentconfig";

  public static final String VCS_URI = "app.openshift.io/vcs-uri";
  public static final String SOURCE_TYPE = "app.kubernetes.io/component-source-type";
  public static final String COMPONENT_PORT = "component-port";

  public static final String MANAGED_BY_ODO = "odo";

  /**
   * The {@code managed-by-version} Deckhand writes. It claims the last odo 1.x release on purpose:
   * odo 1.x reads the label to decide whether a component is one of its own, and a component that
   * Deckhand created must stay usable with odo (and the other way round). The "managed-by" value
   * stays {@code odo} for the same reason.
   */
  public static final String ODO_VERSION = "v1.2.6";

  private OdoLabels() {}

  /** The labels odo puts on every object of a component (no type labels). */
  public static Map<String, String> base(String component, String application) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PART_OF, application);
    labels.put(APP, application);
    labels.put(MANAGED_BY, MANAGED_BY_ODO);
    labels.put(MANAGED_BY_VERSION, ODO_VERSION);
    labels.put(INSTANCE, component);
    return labels;
  }

  /**
   * The labels of the component objects: {@link #base} plus {@code app.kubernetes.io/name} (the
   * builder ImageStream name, e.g. {@code nodejs}) and {@code app.openshift.io/runtime-version}
   * (the tag).
   */
  public static Map<String, String> component(
      String component, String application, String typeName, String tag) {
    Map<String, String> labels = base(component, application);
    labels.put(NAME, typeName);
    labels.put(RUNTIME_VERSION, tag);
    return labels;
  }

  /** The annotations of the component objects. */
  public static Map<String, String> annotations(String sourceLocation, SourceType sourceType) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(VCS_URI, fileUrl(sourceLocation, isWindows()));
    annotations.put(SOURCE_TYPE, sourceType.yaml());
    return annotations;
  }

  /**
   * odo's {@code GenFileURL} of the raw config value: {@code file://} + the location; on Windows
   * {@code file:///} + the location with {@code \} as {@code /}.
   */
  public static String fileUrl(String location, boolean windows) {
    String path = location == null ? "" : location;
    if (windows) {
      path = "/" + path.replace('\\', '/');
    }
    return "file://" + path;
  }

  /** {@code app.kubernetes.io/instance=<c>,app.kubernetes.io/part-of=<app>}. */
  public static String componentSelector(String component, String application) {
    return INSTANCE + "=" + component + "," + PART_OF + "=" + application;
  }

  /** {@code deploymentconfig=<name>}: the only label on the pods. */
  public static String podSelector(String name) {
    return POD_SELECTOR + "=" + name;
  }

  /** {@code app.kubernetes.io/part-of=<app>}. */
  public static String applicationSelector(String application) {
    return PART_OF + "=" + application;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("win");
  }
}
