package dev.deckhand.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API discovery ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/G/V}). The CRUD store
 * would answer these paths with "every stored object", which makes kubectl say the server has no
 * pods and makes OpenShift detection guess; so the sandbox answers them itself.
 */
final class Discovery {
  private static final List<String> RW =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private record Resource(String name, String kind, boolean namespaced, List<String> verbs) {}

  /** kubectl's short names ({@code kubectl get po,svc,pvc}). */
  private static final Map<String, List<String>> SHORT_NAMES =
      Map.ofEntries(
          Map.entry("namespaces", List.of("ns")),
          Map.entry("nodes", List.of("no")),
          Map.entry("persistentvolumes", List.of("pv")),
          Map.entry("pods", List.of("po")),
          Map.entry("services", List.of("svc")),
          Map.entry("configmaps", List.of("cm")),
          Map.entry("persistentvolumeclaims", List.of("pvc")),
          Map.entry("events", List.of("ev")),
          Map.entry("serviceaccounts", List.of("sa")),
          Map.entry("endpoints", List.of("ep")),
          Map.entry("resourcequotas", List.of("quota")),
          Map.entry("deployments", List.of("deploy")),
          Map.entry("replicasets", List.of("rs")),
          Map.entry("statefulsets", List.of("sts")),
          Map.entry("ingresses", List.of("ing")),
          Map.entry("deploymentconfigs", List.of("dc")),
          Map.entry("imagestreams", List.of("is")),
          Map.entry("imagestreamtags", List.of("istag")));

  private record GroupVersion(String group, String version, List<Resource> resources) {
    String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<GroupVersion> groups = new ArrayList<>();

  Discovery(Flavour flavour) {
    groups.add(
        new GroupVersion(
            "",
            "v1",
            List.of(
                r("namespaces", "Namespace", false),
                r("nodes", "Node", false),
                r("persistentvolumes", "PersistentVolume", false),
                r("pods", "Pod", true),
                new Resource("pods/exec", "PodExecOptions", true, List.of("create", "get")),
                new Resource("pods/log", "Pod", true, List.of("get")),
                new Resource("pods/status", "Pod", true, List.of("get", "patch", "update")),
                r("services", "Service", true),
                r("secrets", "Secret", true),
                r("configmaps", "ConfigMap", true),
                r("persistentvolumeclaims", "PersistentVolumeClaim", true),
                r("events", "Event", true),
                r("serviceaccounts", "ServiceAccount", true),
                r("endpoints", "Endpoints", true),
                r("resourcequotas", "ResourceQuota", true))));
    groups.add(
        new GroupVersion(
            "apps",
            "v1",
            List.of(
                r("deployments", "Deployment", true),
                r("replicasets", "ReplicaSet", true),
                r("statefulsets", "StatefulSet", true))));
    groups.add(
        new GroupVersion("networking.k8s.io", "v1", List.of(r("ingresses", "Ingress", true))));
    groups.add(new GroupVersion("events.k8s.io", "v1", List.of(r("events", "Event", true))));
    if (flavour == Flavour.OPENSHIFT) {
      groups.add(
          new GroupVersion(
              "apps.openshift.io",
              "v1",
              List.of(
                  r("deploymentconfigs", "DeploymentConfig", true),
                  new Resource(
                      "deploymentconfigs/instantiate",
                      "DeploymentRequest",
                      true,
                      List.of("create")))));
      groups.add(new GroupVersion("route.openshift.io", "v1", List.of(r("routes", "Route", true))));
      groups.add(
          new GroupVersion(
              "image.openshift.io",
              "v1",
              List.of(
                  r("imagestreams", "ImageStream", true),
                  r("imagestreamtags", "ImageStreamTag", true),
                  new Resource("imagestreamimages", "ImageStreamImage", true, List.of("get")))));
      groups.add(
          new GroupVersion(
              "project.openshift.io",
              "v1",
              List.of(
                  r("projects", "Project", false),
                  new Resource("projectrequests", "ProjectRequest", false, List.of("create")))));
    }
  }

  private static Resource r(String name, String kind, boolean namespaced) {
    return new Resource(name, kind, namespaced, RW);
  }

  /** The discovery document for a GET of {@code path} (no query), if it is a discovery path. */
  Optional<String> answer(String path) {
    String p =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    if (p.equals("/api")) {
      return Optional.of(
          json(
              Map.of(
                  "kind",
                  "APIVersions",
                  "versions",
                  List.of("v1"),
                  "serverAddressByClientCIDRs",
                  List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", "127.0.0.1")))));
    }
    if (p.equals("/apis")) {
      return Optional.of(groupList());
    }
    for (GroupVersion gv : groups) {
      String gvPath = gv.group().isEmpty() ? "/api/" + gv.version() : "/apis/" + gv.groupVersion();
      if (p.equals(gvPath)) {
        return Optional.of(resourceList(gv));
      }
      if (!gv.group().isEmpty() && p.equals("/apis/" + gv.group())) {
        return Optional.of(json(group(gv)));
      }
    }
    return Optional.empty();
  }

  /** Whether a path could be discovery (so unknown groups get a 404, not the CRUD store). */
  static boolean looksLikeDiscovery(String path) {
    String[] parts = path.split("/");
    // "", "api"|"apis", [group], [version]
    if (parts.length <= 2) {
      return path.equals("/api") || path.equals("/apis") || path.equals("/api/");
    }
    if (parts[1].equals("api")) {
      return parts.length == 3;
    }
    return parts[1].equals("apis") && parts.length <= 4;
  }

  private String groupList() {
    List<Object> list = new ArrayList<>();
    for (GroupVersion gv : groups) {
      if (!gv.group().isEmpty()) {
        list.add(group(gv));
      }
    }
    return json(Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", list));
  }

  private static Map<String, Object> group(GroupVersion gv) {
    Map<String, Object> version =
        Map.of("groupVersion", gv.groupVersion(), "version", gv.version());
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("name", gv.group());
    g.put("versions", List.of(version));
    g.put("preferredVersion", version);
    return g;
  }

  private static String resourceList(GroupVersion gv) {
    List<Object> resources = new ArrayList<>();
    for (Resource r : gv.resources()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("singularName", r.name().contains("/") ? "" : singular(r.name()));
      m.put("namespaced", r.namespaced());
      m.put("kind", r.kind());
      m.put("verbs", r.verbs());
      List<String> shortNames = SHORT_NAMES.get(r.name());
      if (shortNames != null && !(gv.group().equals("events.k8s.io"))) {
        m.put("shortNames", shortNames);
      }
      resources.add(m);
    }
    return json(
        Map.of(
            "kind",
            "APIResourceList",
            "apiVersion",
            "v1",
            "groupVersion",
            gv.groupVersion(),
            "resources",
            resources));
  }

  private static String singular(String plural) {
    if (plural.endsWith("sses")) {
      return plural.substring(0, plural.length() - 2);
    }
    if (plural.endsWith("ies")) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
