package dev.deckhand.sandbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every resource type the sandbox serves: one table that discovery, the store and tables share. */
public final class ResourceTypes {
  private final List<ResourceType> all;

  private ResourceTypes(List<ResourceType> all) {
    this.all = List.copyOf(all);
  }

  /** The Kubernetes types, plus OpenShift's when {@code openshift}. */
  public static ResourceTypes of(boolean openshift) {
    List<ResourceType> t = new ArrayList<>();
    t.add(rw("", "v1", "namespaces", "Namespace", false, List.of("ns"), "status", "finalize"));
    t.add(rw("", "v1", "nodes", "Node", false, List.of("no"), "status", "proxy"));
    t.add(rw("", "v1", "persistentvolumes", "PersistentVolume", false, List.of("pv"), "status"));
    t.add(
        rw(
            "",
            "v1",
            "pods",
            "Pod",
            true,
            List.of("po"),
            "status",
            "exec",
            "log",
            "portforward",
            "attach",
            "binding",
            "eviction",
            "ephemeralcontainers"));
    t.add(rw("", "v1", "services", "Service", true, List.of("svc"), "status", "proxy"));
    t.add(rw("", "v1", "secrets", "Secret", true, List.of()));
    t.add(rw("", "v1", "configmaps", "ConfigMap", true, List.of("cm")));
    t.add(
        rw(
            "",
            "v1",
            "persistentvolumeclaims",
            "PersistentVolumeClaim",
            true,
            List.of("pvc"),
            "status"));
    t.add(rw("", "v1", "events", "Event", true, List.of("ev")));
    t.add(rw("", "v1", "serviceaccounts", "ServiceAccount", true, List.of("sa"), "token"));
    t.add(rw("", "v1", "endpoints", "Endpoints", true, List.of("ep")));
    t.add(rw("", "v1", "resourcequotas", "ResourceQuota", true, List.of("quota"), "status"));
    t.add(
        rw("apps", "v1", "deployments", "Deployment", true, List.of("deploy"), "status", "scale"));
    t.add(rw("apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs"), "status", "scale"));
    t.add(rw("apps", "v1", "statefulsets", "StatefulSet", true, List.of("sts"), "status", "scale"));
    t.add(rw("networking.k8s.io", "v1", "ingresses", "Ingress", true, List.of("ing"), "status"));
    t.add(rw("events.k8s.io", "v1", "events", "Event", true, List.of()));
    if (openshift) {
      t.add(
          rw(
              "apps.openshift.io",
              "v1",
              "deploymentconfigs",
              "DeploymentConfig",
              true,
              List.of("dc"),
              "status",
              "scale",
              "instantiate",
              "log"));
      t.add(rw("route.openshift.io", "v1", "routes", "Route", true, List.of(), "status"));
      t.add(rw("image.openshift.io", "v1", "imagestreams", "ImageStream", true, List.of("is")));
      t.add(
          rw(
              "image.openshift.io",
              "v1",
              "imagestreamtags",
              "ImageStreamTag",
              true,
              List.of("istag")));
      t.add(
          new ResourceType(
              "image.openshift.io",
              "v1",
              "imagestreamimages",
              "ImageStreamImage",
              true,
              List.of("isimage"),
              List.of("get"),
              Set.of()));
      t.add(rw("project.openshift.io", "v1", "projects", "Project", false, List.of()));
      t.add(
          new ResourceType(
              "project.openshift.io",
              "v1",
              "projectrequests",
              "ProjectRequest",
              false,
              List.of(),
              List.of("create", "list"),
              Set.of()));
    }
    return new ResourceTypes(t);
  }

  private static ResourceType rw(
      String group,
      String version,
      String plural,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      String... subresources) {
    return new ResourceType(
        group,
        version,
        plural,
        kind,
        namespaced,
        shortNames,
        ResourceType.READ_WRITE,
        Set.of(subresources));
  }

  public List<ResourceType> all() {
    return all;
  }

  /** The type served at {@code /api(s)/group/version/plural}. */
  public Optional<ResourceType> find(String group, String version, String plural) {
    return all.stream()
        .filter(
            t ->
                t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
        .findFirst();
  }

  /** The type of an object by its {@code apiVersion} and {@code kind}. */
  public Optional<ResourceType> byKind(String apiVersion, String kind) {
    return all.stream()
        .filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind))
        .findFirst();
  }
}
