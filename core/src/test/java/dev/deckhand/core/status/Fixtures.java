package dev.deckhand.core.status;

import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;

/** fabric8 objects shaped like those of an odo component {@code shop} in app {@code app}. */
final class Fixtures {
  static final ComponentNames NAMES = new ComponentNames("shop", "app");
  static final String NS = "dev";
  static final String NAME = NAMES.name();
  static final String INIT_IMAGE = "quay.io/openshiftdo/init:1.2.6";
  static final String APP_IMAGE = "registry.access.redhat.com/ubi8/nodejs-14";

  private Fixtures() {}

  static Map<String, String> labels() {
    return OdoLabels.base(NAMES.component(), NAMES.application());
  }

  static Deployment deployment() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(NS)
        .withLabels(labels())
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .withMatchLabels(Map.of(OdoLabels.POD_SELECTOR, NAME))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of(OdoLabels.POD_SELECTOR, NAME))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(NAME)
        .withImage(APP_IMAGE)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** A pending pod with the odo init containers and no status yet. */
  static PodBuilder pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .withUid("uid-" + name)
        .withCreationTimestamp("2024-05-01T10:00:00Z")
        .withLabels(Map.of(OdoLabels.POD_SELECTOR, NAME))
        .endMetadata()
        .withNewSpec()
        .addNewInitContainer()
        .withName("copy-supervisord")
        .withImage(INIT_IMAGE)
        .endInitContainer()
        .addNewInitContainer()
        .withName("copy-files-to-volume")
        .withImage(APP_IMAGE)
        .endInitContainer()
        .addNewContainer()
        .withName(NAME)
        .withImage(APP_IMAGE)
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Pending")
        .endStatus();
  }

  static ContainerStatus waiting(String name, String image, String reason, String message) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage(image)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .withRestartCount(0)
        .withReady(false)
        .build();
  }

  static ContainerStatus running(String name, String image, int restarts) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage(image)
        .withContainerID("containerd://" + name + restarts)
        .withNewState()
        .withNewRunning()
        .withStartedAt("2024-05-01T10:00:05Z")
        .endRunning()
        .endState()
        .withRestartCount(restarts)
        .withReady(true)
        .build();
  }

  static ContainerStatus terminated(String name, String image, int exitCode, String reason) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage(image)
        .withContainerID("containerd://" + name)
        .withNewState()
        .withNewTerminated()
        .withExitCode(exitCode)
        .withReason(reason)
        .withStartedAt("2024-05-01T10:00:01Z")
        .withFinishedAt("2024-05-01T10:00:02Z")
        .endTerminated()
        .endState()
        .withRestartCount(0)
        .withReady(false)
        .build();
  }

  static ContainerStatus crashLooping(String name, int lastExit, int restarts) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage(APP_IMAGE)
        .withContainerID("containerd://" + name)
        .withNewState()
        .withNewWaiting()
        .withReason("CrashLoopBackOff")
        .withMessage("back-off 40s restarting failed container")
        .endWaiting()
        .endState()
        .withNewLastState()
        .withNewTerminated()
        .withExitCode(lastExit)
        .withReason("Error")
        .endTerminated()
        .endLastState()
        .withRestartCount(restarts)
        .withReady(false)
        .build();
  }

  static PersistentVolumeClaim claim(String phase) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(NAMES.s2iDataPvc())
        .withNamespace(NS)
        .withLabels(labels())
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .withRequests(Map.of("storage", new Quantity("1Gi")))
        .endResources()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }

  static Event event(
      String name,
      String type,
      String kind,
      String object,
      String reason,
      String message,
      String time) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withCount(1)
        .withLastTimestamp(time)
        .withNewInvolvedObject()
        .withKind(kind)
        .withName(object)
        .withNamespace(NS)
        .endInvolvedObject()
        .build();
  }

  static ClusterObjects objects(
      List<Deployment> deployments,
      List<Pod> pods,
      List<PersistentVolumeClaim> claims,
      List<Event> events) {
    return new ClusterObjects(
        deployments, List.of(), pods, claims, events, List.of(), List.of(), List.of());
  }
}
