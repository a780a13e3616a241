package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Pod into podman objects: volumes (emptyDir per pod, PVC per claim), a podman pod with the
 * container ports published on 127.0.0.1, init containers ({@code --init-ctr always}, run in spec
 * order at every pod start) and app containers.
 */
final class PodRuntime {
  private static final long QUICK = 60;
  private static final long START = 900;

  /** Pull errors that waiting will not mend: the registry answered that there is no such image. */
  private static final java.util.regex.Pattern NOT_FOUND =
      java.util.regex.Pattern.compile(
          "not found|manifest unknown|name unknown|did not resolve|repository does not exist"
              + "|requested access to the resource is denied",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private final PodmanCli podman;
  private final HostPorts hostPorts;
  private final PodmanNames podmanNames;
  private final PinnedImages pinned;
  // Every object names this process, so a later sandbox can tell a killed one's leftovers.
  private final List<String> ownerLabel =
      ProcessOwner.current()
          .map(o -> List.of("--label", ProcessOwner.LABEL + "=" + o))
          .orElse(List.of());

  PodRuntime(PodmanCli podman, HostPorts hostPorts, PodmanNames names, PinnedImages pinned) {
    this.podman = podman;
    this.hostPorts = hostPorts;
    this.podmanNames = names;
    this.pinned = pinned;
  }

  /** Fails with the image and the reason when a container's image is not available. */
  void ensureImages(Pod pod) throws IOException {
    Set<String> images = new LinkedHashSet<>();
    for (Container c : allContainers(pod)) {
      images.add(c.getImage() == null ? "" : c.getImage().strip());
    }
    for (String image : images) {
      if (image.isEmpty()) {
        throw new ImageNotPresentException(image, "the container has no image");
      }
      String run = pinned.resolve(image);
      if (podman.run(List.of("image", "exists", run), QUICK).ok()) {
        continue;
      }
      if (!run.equals(image)) {
        throw new ImageNotPresentException(
            image,
            "image "
                + image
                + " not found: the sandbox's build of it, "
                + run
                + ", was removed from podman; restart the sandbox to build it again");
      }
      if (image.startsWith("localhost/")) {
        // podman's name for images built or imported on this machine: no registry has them, and
        // a pull would only retry https://localhost for seconds.
        throw new ImageNotPresentException(
            image, "image " + image + " not found: it is not among podman's local images");
      }
      PodmanCli.Result pull = podman.run(List.of("pull", "--quiet", image), 120);
      if (!pull.ok()) {
        String why = pull.error();
        throw new ImageNotPresentException(
            image,
            NOT_FOUND.matcher(why).find()
                ? "image " + image + " not found: " + why
                : "image " + image + " cannot be pulled: " + why);
      }
    }
  }

  /**
   * Creates volumes, the pod and its init containers; nothing runs yet. App containers are created
   * after the init containers ran ({@link #createApps}), as a kubelet makes subPath folders only
   * then: odo's copy-files-to-volume seeds {@code app-root} only if it does not exist yet.
   */
  void create(Pod pod, Map<String, List<String>> envByContainer) throws IOException {
    String name = podmanNames.pod(pod);
    Map<String, String> volumeNames = createVolumes(pod);
    List<String> podArgs = new ArrayList<>(List.of("pod", "create", "--name", name));
    podArgs.addAll(labels(pod, null, false));
    podArgs.addAll(List.of("--hostname", pod.getMetadata().getName()));
    for (Container c : pod.getSpec().getContainers()) {
      for (ContainerPort port : c.getPorts()) {
        String proto = port.getProtocol() == null ? "tcp" : port.getProtocol().toLowerCase();
        int host = hostPorts.portFor(pod, port.getContainerPort(), proto);
        podArgs.addAll(
            List.of("-p", "127.0.0.1:" + host + ":" + port.getContainerPort() + "/" + proto));
      }
    }
    podman.check(podArgs, QUICK);
    for (Container c : pod.getSpec().getInitContainers()) {
      createContainer(pod, name, c, true, volumeNames, envByContainer.get(c.getName()));
    }
  }

  /** Creates the app containers that do not exist yet (their subPath folders first). */
  void createApps(Pod pod, Map<String, List<String>> envByContainer) throws IOException {
    String name = podmanNames.pod(pod);
    Map<String, String> volumeNames = volumeNames(pod);
    for (Container c : pod.getSpec().getContainers()) {
      String ctr = podmanNames.container(name, c.getName());
      if (!podman.run(List.of("container", "exists", ctr), QUICK).ok()) {
        createContainer(pod, name, c, false, volumeNames, envByContainer.get(c.getName()));
      }
    }
  }

  /** Starts the pod: its init containers one after another (and app containers that exist). */
  PodmanCli.Result start(Pod pod) throws IOException {
    return podman.run(List.of("pod", "start", podmanNames.pod(pod)), START);
  }

  /** Starts every app container of the pod. */
  PodmanCli.Result startApps(Pod pod) throws IOException {
    List<String> args = new ArrayList<>(List.of("start"));
    for (Container c : pod.getSpec().getContainers()) {
      args.add(podmanNames.container(podmanNames.pod(pod), c.getName()));
    }
    return podman.run(args, QUICK);
  }

  PodmanCli.Result startContainer(Pod pod, String container) throws IOException {
    return podman.run(
        List.of("start", podmanNames.container(podmanNames.pod(pod), container)), QUICK);
  }

  boolean containerExists(Pod pod, String container) throws IOException {
    return podman
        .run(
            List.of("container", "exists", podmanNames.container(podmanNames.pod(pod), container)),
            QUICK)
        .ok();
  }

  String podName(Pod pod) {
    return podmanNames.pod(pod);
  }

  boolean exists(Pod pod) throws IOException {
    return podman.run(List.of("pod", "exists", podmanNames.pod(pod)), QUICK).ok();
  }

  /** Stops and removes the pod; a PVC's volume stays, an emptyDir's goes. */
  void remove(Pod pod, int graceSeconds) throws IOException {
    String name = podmanNames.pod(pod);
    if (podman.run(List.of("pod", "exists", name), QUICK).ok()) {
      podman.run(List.of("pod", "stop", "-t", "" + graceSeconds, name), QUICK + graceSeconds);
      podman.run(List.of("pod", "rm", "-f", name), QUICK);
    }
    for (Volume v : pod.getSpec().getVolumes()) {
      if (v.getEmptyDir() != null) {
        podman.run(
            List.of("volume", "rm", "-f", podmanNames.emptyDirVolume(pod, v.getName())), QUICK);
      }
    }
  }

  private Map<String, String> volumeNames(Pod pod) {
    Map<String, String> names = new HashMap<>();
    for (Volume v : pod.getSpec().getVolumes()) {
      if (v.getEmptyDir() != null) {
        names.put(v.getName(), podmanNames.emptyDirVolume(pod, v.getName()));
      } else if (v.getPersistentVolumeClaim() != null) {
        names.put(
            v.getName(),
            podmanNames.claimVolume(
                pod.getMetadata().getNamespace(), v.getPersistentVolumeClaim().getClaimName()));
      }
    }
    return names;
  }

  private Map<String, String> createVolumes(Pod pod) throws IOException {
    Map<String, String> names = new HashMap<>();
    for (Volume v : pod.getSpec().getVolumes()) {
      String volume;
      String kind;
      if (v.getEmptyDir() != null) {
        volume = podmanNames.emptyDirVolume(pod, v.getName());
        kind = "emptyDir";
      } else if (v.getPersistentVolumeClaim() != null) {
        volume =
            podmanNames.claimVolume(
                pod.getMetadata().getNamespace(), v.getPersistentVolumeClaim().getClaimName());
        kind = "pvc";
      } else {
        throw new IOException(
            "volume " + v.getName() + ": only emptyDir and persistentVolumeClaim are supported");
      }
      if (!podman.run(List.of("volume", "exists", volume), QUICK).ok()) {
        List<String> create =
            new ArrayList<>(
                List.of(
                    "volume",
                    "create",
                    "--label",
                    PodmanNames.LABEL + "=true",
                    "--label",
                    PodmanNames.LABEL_INSTANCE + "=" + podmanNames.instance(),
                    "--label",
                    PodmanNames.LABEL_VOLUME_KIND + "=" + kind,
                    "--label",
                    PodmanNames.LABEL_NAMESPACE + "=" + pod.getMetadata().getNamespace()));
        create.addAll(ownerLabel);
        create.add(volume);
        podman.check(create, QUICK);
      }
      names.put(v.getName(), volume);
    }
    return names;
  }

  private void createContainer(
      Pod pod,
      String podName,
      Container c,
      boolean init,
      Map<String, String> volumeNames,
      List<String> env)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("create"));
    if (init) {
      args.addAll(List.of("--init-ctr", "always"));
    }
    args.addAll(List.of("--pod", podName, "--name", podmanNames.container(podName, c.getName())));
    // The image was checked or pulled already; never let podman contact a registry again.
    args.addAll(List.of("--pull", "never"));
    args.addAll(labels(pod, c.getName(), init));
    if (c.getWorkingDir() != null && !c.getWorkingDir().isBlank()) {
      args.addAll(List.of("--workdir", c.getWorkingDir()));
    }
    if (env != null) {
      for (String e : env) {
        args.addAll(List.of("-e", e));
      }
    }
    for (VolumeMount m : c.getVolumeMounts()) {
      args.addAll(List.of("--mount", mount(m, volumeNames)));
    }
    if (c.getCommand() != null && !c.getCommand().isEmpty()) {
      args.addAll(List.of("--entrypoint", toJsonArray(c.getCommand())));
    }
    args.add(pinned.resolve(c.getImage().strip()));
    if (c.getArgs() != null) {
      args.addAll(c.getArgs());
    }
    podman.check(args, QUICK);
  }

  /**
   * A mount; subPath is served by binding the sub-folder of the volume's mount point, because
   * podman 4.3 has no subpath option for volume mounts.
   */
  private String mount(VolumeMount m, Map<String, String> volumeNames) throws IOException {
    String volume = volumeNames.get(m.getName());
    if (volume == null) {
      throw new IOException("volumeMount " + m.getName() + " names no volume of the pod");
    }
    String ro = Boolean.TRUE.equals(m.getReadOnly()) ? ",ro=true" : "";
    String subPath = m.getSubPath();
    if (subPath == null || subPath.isEmpty()) {
      return "type=volume,src=" + volume + ",dst=" + m.getMountPath() + ro;
    }
    if (subPath.startsWith("/") || subPath.contains("..")) {
      throw new IOException("subPath " + subPath + " must be relative and stay in the volume");
    }
    String mountpoint =
        podman
            .check(List.of("volume", "inspect", "--format", "{{.Mountpoint}}", volume), QUICK)
            .strip();
    Path dir = Path.of(mountpoint, subPath);
    Files.createDirectories(dir);
    return "type=bind,src=" + dir + ",dst=" + m.getMountPath() + ro;
  }

  private List<String> labels(Pod pod, String container, boolean init) {
    List<String> l = new ArrayList<>();
    l.addAll(List.of("--label", PodmanNames.LABEL + "=true"));
    l.addAll(List.of("--label", PodmanNames.LABEL_INSTANCE + "=" + podmanNames.instance()));
    l.addAll(List.of("--label", PodmanNames.LABEL_POD_UID + "=" + pod.getMetadata().getUid()));
    l.addAll(
        List.of("--label", PodmanNames.LABEL_NAMESPACE + "=" + pod.getMetadata().getNamespace()));
    l.addAll(List.of("--label", PodmanNames.LABEL_POD + "=" + pod.getMetadata().getName()));
    l.addAll(ownerLabel);
    if (container != null) {
      l.addAll(List.of("--label", PodmanNames.LABEL_CONTAINER + "=" + container));
      l.addAll(List.of("--label", PodmanNames.LABEL_INIT + "=" + init));
    }
    return l;
  }

  static List<Container> allContainers(Pod pod) {
    List<Container> all = new ArrayList<>(pod.getSpec().getInitContainers());
    all.addAll(pod.getSpec().getContainers());
    return all;
  }

  private static String toJsonArray(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"');
      for (char ch : items.get(i).toCharArray()) {
        switch (ch) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\t' -> sb.append("\\t");
          default -> sb.append(ch);
        }
      }
      sb.append('"');
    }
    return sb.append(']').toString();
  }
}
