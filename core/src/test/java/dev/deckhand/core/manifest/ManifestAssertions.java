package dev.deckhand.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Small assertions over fabric8 objects so the manifest tests read like the reference. */
final class ManifestAssertions {
  private ManifestAssertions() {}

  /** The full odo label set of a component object. */
  static Map<String, String> odoLabels(String component, String app, String type, String tag) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app.kubernetes.io/part-of", app);
    m.put("app", app);
    m.put("app.kubernetes.io/managed-by", "odo");
    m.put("app.kubernetes.io/managed-by-version", "v1.2.6");
    m.put("app.kubernetes.io/instance", component);
    m.put("app.kubernetes.io/name", type);
    m.put("app.openshift.io/runtime-version", tag);
    return m;
  }

  static Map<String, String> odoAnnotations(String sourceType) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app.openshift.io/vcs-uri", "file://./");
    m.put("app.kubernetes.io/component-source-type", sourceType);
    return m;
  }

  static void assertMeta(
      HasMetadata o,
      String kind,
      String name,
      String namespace,
      Map<String, String> labels,
      Map<String, String> annotations) {
    assertThat(o.getKind()).as("kind of %s", name).isEqualTo(kind);
    assertThat(o.getMetadata().getName()).isEqualTo(name);
    assertThat(o.getMetadata().getNamespace()).as("namespace of %s", name).isEqualTo(namespace);
    assertThat(o.getMetadata().getLabels())
        .as("labels of %s", name)
        .containsExactlyEntriesOf(labels);
    assertThat(o.getMetadata().getAnnotations())
        .as("annotations of %s", name)
        .containsExactlyEntriesOf(annotations);
  }

  static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(base);
    m.put(key, value);
    return m;
  }

  static Container initContainer(PodSpec pod, String name) {
    return find(pod.getInitContainers(), name);
  }

  static Container container(PodSpec pod, String name) {
    return find(pod.getContainers(), name);
  }

  private static Container find(List<Container> containers, String name) {
    return containers.stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name + " in " + containers));
  }

  /** Mounts as "volume -> path [subPath]" strings, in order. */
  static List<String> mounts(Container c) {
    return c.getVolumeMounts().stream().map(ManifestAssertions::describe).toList();
  }

  private static String describe(VolumeMount m) {
    return m.getName()
        + " -> "
        + m.getMountPath()
        + (m.getSubPath() == null ? "" : " [" + m.getSubPath() + "]");
  }

  /** Volumes as "name: emptyDir" or "name: pvc claim" strings, in order. */
  static List<String> volumes(PodSpec pod) {
    return pod.getVolumes().stream().map(ManifestAssertions::describe).toList();
  }

  private static String describe(Volume v) {
    if (v.getEmptyDir() != null) {
      return v.getName() + ": emptyDir";
    }
    return v.getName() + ": pvc " + v.getPersistentVolumeClaim().getClaimName();
  }

  /** Env as an ordered name → value map. */
  static Map<String, String> env(Container c) {
    Map<String, String> m = new LinkedHashMap<>();
    for (EnvVar e : c.getEnv()) {
      assertThat(m).as("env %s set once", e.getName()).doesNotContainKey(e.getName());
      m.put(e.getName(), e.getValue());
    }
    return m;
  }

  @SafeVarargs
  static Map<String, String> entries(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static List<String> names(Stream<? extends HasMetadata> s) {
    return s.map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
  }
}
