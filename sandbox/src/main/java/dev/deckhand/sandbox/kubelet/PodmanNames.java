package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Names and labels of what one sandbox's kubelet creates in podman. Every name carries the
 * sandbox's instance id, so two sandboxes (a terminal's and the app's, or a test's) never share a
 * pod or a volume, and cleanup at start goes by that instance's label only.
 */
public final class PodmanNames {
  public static final String PREFIX = "deckhand-";
  public static final String LABEL = "dev.deckhand.sandbox";
  public static final String LABEL_INSTANCE = "dev.deckhand.instance";
  public static final String LABEL_POD_UID = "dev.deckhand.pod-uid";
  public static final String LABEL_NAMESPACE = "dev.deckhand.namespace";
  public static final String LABEL_POD = "dev.deckhand.pod";
  public static final String LABEL_CONTAINER = "dev.deckhand.container";
  public static final String LABEL_INIT = "dev.deckhand.init";
  public static final String LABEL_VOLUME_KIND = "dev.deckhand.volume-kind";

  private final String instance;

  /**
   * @param instance a short id of the sandbox, e.g. derived from its data folder
   */
  public PodmanNames(String instance) {
    if (!instance.matches("[a-z0-9]{1,12}")) {
      throw new IllegalArgumentException("instance id must be 1-12 of [a-z0-9]: " + instance);
    }
    this.instance = instance;
  }

  public String instance() {
    return instance;
  }

  /** The podman filter for this instance's objects. */
  public String instanceFilter() {
    return "label=" + LABEL_INSTANCE + "=" + instance;
  }

  public String pod(Pod pod) {
    return pod(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  public String pod(String namespace, String name) {
    return PREFIX + instance + "-" + namespace + "-" + name;
  }

  public String container(String podmanPod, String container) {
    return podmanPod + "-" + container;
  }

  /** The app or init container of a pod. */
  public String container(String namespace, String pod, String container) {
    return container(pod(namespace, pod), container);
  }

  /** A PVC's volume: named by claim, so it outlives pods as a PVC does. */
  public String claimVolume(String namespace, String claim) {
    return PREFIX + instance + "-pvc-" + namespace + "-" + claim;
  }

  /** An emptyDir's volume: named by pod UID, so two pods never share one. */
  public String emptyDirVolume(Pod pod, String volume) {
    String uid = pod.getMetadata().getUid();
    String shortUid = uid == null ? pod.getMetadata().getName() : uid.replace("-", "");
    if (shortUid.length() > 12) {
      shortUid = shortUid.substring(shortUid.length() - 12);
    }
    return PREFIX + instance + "-ed-" + shortUid + "-" + volume;
  }
}
