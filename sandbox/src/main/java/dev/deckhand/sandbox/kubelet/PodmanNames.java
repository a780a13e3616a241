package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Pod;

/** Names and labels of what the kubelet creates in podman; cleanup goes by label. */
public final class PodmanNames {
  public static final String PREFIX = "deckhand-";
  public static final String LABEL = "dev.deckhand.sandbox";
  public static final String LABEL_POD_UID = "dev.deckhand.pod-uid";
  public static final String LABEL_NAMESPACE = "dev.deckhand.namespace";
  public static final String LABEL_POD = "dev.deckhand.pod";
  public static final String LABEL_CONTAINER = "dev.deckhand.container";
  public static final String LABEL_INIT = "dev.deckhand.init";
  public static final String LABEL_VOLUME_KIND = "dev.deckhand.volume-kind";

  private PodmanNames() {}

  public static String pod(Pod pod) {
    return pod(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  public static String pod(String namespace, String name) {
    return PREFIX + namespace + "-" + name;
  }

  public static String container(String podmanPod, String container) {
    return podmanPod + "-" + container;
  }

  /** A PVC's volume: named by claim, so it outlives pods as a PVC does. */
  public static String claimVolume(String namespace, String claim) {
    return PREFIX + "pvc-" + namespace + "-" + claim;
  }

  /** An emptyDir's volume: named by pod UID, so two pods never share one. */
  public static String emptyDirVolume(Pod pod, String volume) {
    String uid = pod.getMetadata().getUid();
    String shortUid = uid == null ? pod.getMetadata().getName() : uid.replace("-", "");
    if (shortUid.length() > 12) {
      shortUid = shortUid.substring(shortUid.length() - 12);
    }
    return PREFIX + "ed-" + shortUid + "-" + volume;
  }
}
