package dev.deckhand.sandbox.controller;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.openshift.api.model.DeploymentCause;
import io.fabric8.openshift.api.model.DeploymentCondition;
import io.fabric8.openshift.api.model.DeploymentConditionBuilder;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.DeploymentConfigStatus;
import io.fabric8.openshift.api.model.DeploymentConfigStatusBuilder;
import io.fabric8.openshift.api.model.DeploymentTriggerPolicy;
import io.fabric8.openshift.api.model.ImageStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * apps.openshift.io/v1 DeploymentConfigs: Recreate rollouts of numbered versions, as OpenShift
 * does, with pods named {@code <dc>-<version>-<random>} and labelled {@code deploymentconfig} and
 * {@code deployment}, which is what odo selects pods by.
 *
 * <p>Skipped: the ReplicationController per version and the {@code <dc>-<version>-deploy} deployer
 * pod. Pods are owned by the DC directly. A template change (ConfigChange trigger) or a newly
 * resolved image (ImageChange trigger) starts a new version.
 */
final class DeploymentConfigController implements AutoCloseable {
  static final String DC_LABEL = "deploymentconfig";
  static final String DEPLOYMENT_LABEL = "deployment";
  static final String DC_NAME_ANNOTATION = "openshift.io/deployment-config.name";
  static final String VERSION_ANNOTATION = "openshift.io/deployment-config.latest-version";
  static final String DEPLOYMENT_NAME_ANNOTATION = "openshift.io/deployment.name";

  /** Which resolved template a pod was made from: how a template change is seen after a restart. */
  static final String TEMPLATE_HASH_ANNOTATION = "deckhand.dev/pod-template-hash";

  private static final Duration WAIT_POLL = Duration.ofSeconds(1);
  private static final Duration UNRESOLVED_RETRY = Duration.ofSeconds(5);

  /** The version a DC is at and the resolved template that version deploys. */
  private record Rollout(long version, String hash) {}

  private final KubernetesClient client;
  private final EventRecorder events;
  private final ImageTriggers imageTriggers;
  private final WorkQueue<ObjectKey> queue;
  private final SharedIndexInformer<DeploymentConfig> configs;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<ImageStream> imageStreams;

  /**
   * Per DC uid. status.latestVersion alone is not enough: a client PUT without a status (the
   * sandbox's store takes the body whole) would reset it.
   */
  private final Map<String, Rollout> rollouts = new ConcurrentHashMap<>();

  DeploymentConfigController(
      KubernetesClient client, EventRecorder events, ControllerOptions options) {
    this.client = client;
    this.events = events;
    this.imageTriggers = new ImageTriggers(client);
    this.queue = new WorkQueue<>("deploymentconfig-controller", this::reconcile);
    this.configs = client.resources(DeploymentConfig.class).inAnyNamespace().runnableInformer(0);
    this.pods = client.pods().inAnyNamespace().runnableInformer(0);
    this.imageStreams = client.resources(ImageStream.class).inAnyNamespace().runnableInformer(0);
    configs.addEventHandler(Handlers.onAnyChange(dc -> queue.add(ObjectKey.of(dc))));
    pods.addEventHandler(Handlers.onAnyChange(this::wakeOwner));
    // An image stream that appears or changes may resolve (or move) a DC's trigger.
    imageStreams.addEventHandler(Handlers.onAnyChange(is -> wakeAll()));
    queue.every(options.resyncPeriod(), this::wakeAll);
  }

  List<SharedIndexInformer<?>> informers() {
    return List.of(configs, pods, imageStreams);
  }

  private void wakeAll() {
    configs.getStore().list().forEach(dc -> queue.add(ObjectKey.of(dc)));
  }

  private void wakeOwner(Pod pod) {
    OwnedPods.controllerOf(pod)
        .filter(ref -> "DeploymentConfig".equals(ref.getKind()))
        .map(OwnerReference::getName)
        .ifPresent(name -> queue.add(new ObjectKey(pod.getMetadata().getNamespace(), name)));
  }

  private Duration reconcile(ObjectKey key) {
    DeploymentConfig dc =
        client
            .resources(DeploymentConfig.class)
            .inNamespace(key.namespace())
            .withName(key.name())
            .get();
    if (dc == null || dc.getMetadata().getDeletionTimestamp() != null) {
      return null; // the garbage collector removes its pods
    }
    String uid = dc.getMetadata().getUid();
    List<Pod> owned = OwnedPods.of(client, dc);
    ImageTriggers.Resolution resolution = imageTriggers.resolve(dc);
    if (!resolution.resolved()) {
      events.warning(dc, "ImageTriggerFailed", resolution.problem());
      Rollout known = rollouts.get(uid);
      writeStatus(dc, known == null ? currentVersion(dc, owned) : known.version(), owned);
      return UNRESOLVED_RETRY;
    }
    PodTemplateSpec template = resolution.template();
    String hash = PodTemplates.hash(template);
    Rollout rollout = nextRollout(dc, owned, hash);
    if (rollout == null) {
      writeStatus(dc, 0, owned);
      return null; // no trigger fires: nothing to deploy until someone asks
    }
    long version = rollout.version();
    RecreatePlan plan = RecreatePlan.of(owned, p -> version == versionOf(p), desiredReplicas(dc));
    for (Pod pod : plan.delete()) {
      client.pods().resource(pod).delete();
      events.normal(dc, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
    }
    for (int i = 0; i < plan.create(); i++) {
      Pod pod = client.pods().resource(newPod(dc, template, version, hash)).create();
      events.normal(dc, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
    }
    writeStatus(dc, version, OwnedPods.of(client, dc));
    return plan.waitingForOldPods() ? WAIT_POLL : null;
  }

  /**
   * The version to deploy: the current one, or the next if the resolved template changed (the
   * ConfigChange and ImageChange triggers), or 1 for a DC never deployed. Null when no trigger
   * would deploy it.
   */
  private Rollout nextRollout(DeploymentConfig dc, List<Pod> owned, String hash) {
    String uid = dc.getMetadata().getUid();
    long version = currentVersion(dc, owned);
    Rollout known = rollouts.get(uid);
    String deployedHash = null;
    if (known != null && known.version() == version) {
      deployedHash = known.hash();
    } else {
      for (Pod p : owned) {
        if (versionOf(p) == version && p.getMetadata().getAnnotations() != null) {
          deployedHash = p.getMetadata().getAnnotations().get(TEMPLATE_HASH_ANNOTATION);
        }
      }
    }
    Rollout next;
    if (version == 0) {
      if (!hasAutomaticTrigger(dc)) {
        return null;
      }
      next = new Rollout(1, hash);
    } else if (deployedHash != null && !deployedHash.equals(hash) && hasAutomaticTrigger(dc)) {
      next = new Rollout(version + 1, hash);
    } else {
      // Unchanged, or nothing tells what the deployed template was (a restart with the DC scaled
      // to 0): adopt the current template as this version's rather than redeploy for nothing.
      next = new Rollout(version, deployedHash == null ? hash : deployedHash);
    }
    rollouts.put(uid, next);
    if (next.version() != version) {
      events.normal(
          dc,
          "DeploymentCreated",
          "Created new replication controller \""
              + deploymentName(dc, next.version())
              + "\" for version "
              + next.version());
    }
    return next;
  }

  private long currentVersion(DeploymentConfig dc, List<Pod> owned) {
    long version = 0;
    if (dc.getStatus() != null && dc.getStatus().getLatestVersion() != null) {
      version = dc.getStatus().getLatestVersion();
    }
    Rollout known = rollouts.get(dc.getMetadata().getUid());
    if (known != null) {
      version = Math.max(version, known.version());
    }
    for (Pod p : owned) {
      version = Math.max(version, versionOf(p));
    }
    return version;
  }

  /** No triggers at all means ConfigChange, as in OpenShift; an empty list means none. */
  private static boolean hasAutomaticTrigger(DeploymentConfig dc) {
    List<DeploymentTriggerPolicy> triggers = dc.getSpec().getTriggers();
    if (triggers == null) {
      return true;
    }
    return triggers.stream()
        .anyMatch(
            t ->
                "ConfigChange".equals(t.getType())
                    || ("ImageChange".equals(t.getType())
                        && t.getImageChangeParams() != null
                        && !Boolean.FALSE.equals(t.getImageChangeParams().getAutomatic())));
  }

  private static Pod newPod(
      DeploymentConfig dc, PodTemplateSpec template, long version, String hash) {
    String dcName = dc.getMetadata().getName();
    String deployment = deploymentName(dc, version);
    Map<String, String> labels = new HashMap<>();
    Map<String, String> annotations = new HashMap<>();
    if (template.getMetadata() != null) {
      if (template.getMetadata().getLabels() != null) {
        labels.putAll(template.getMetadata().getLabels());
      }
      if (template.getMetadata().getAnnotations() != null) {
        annotations.putAll(template.getMetadata().getAnnotations());
      }
    }
    labels.put(DC_LABEL, dcName);
    labels.put(DEPLOYMENT_LABEL, deployment);
    annotations.put(DC_NAME_ANNOTATION, dcName);
    annotations.put(VERSION_ANNOTATION, Long.toString(version));
    annotations.put(DEPLOYMENT_NAME_ANNOTATION, deployment);
    annotations.put(TEMPLATE_HASH_ANNOTATION, hash);
    return new PodBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(deployment + "-" + PodTemplates.randomSuffix())
                .withNamespace(dc.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(annotations)
                .withOwnerReferences(OwnedPods.controllerReference(dc))
                .build())
        .withSpec(template.getSpec())
        .build();
  }

  private void writeStatus(DeploymentConfig dc, long version, List<Pod> owned) {
    int desired = desiredReplicas(dc);
    List<Pod> active = owned.stream().filter(OwnedPods::isActive).toList();
    int updated = (int) active.stream().filter(p -> versionOf(p) == version).count();
    int ready = (int) active.stream().filter(OwnedPods::isReady).count();
    int available = ready;
    boolean complete =
        version > 0 && updated == desired && available == desired && active.size() == desired;
    String rc = "replication controller \"" + deploymentName(dc, version) + "\"";
    List<DeploymentCondition> stored =
        dc.getStatus() == null ? null : dc.getStatus().getConditions();
    DeploymentConfigStatusBuilder status =
        new DeploymentConfigStatusBuilder()
            .withLatestVersion(version)
            .withObservedGeneration(dc.getMetadata().getGeneration())
            .withReplicas(active.size())
            .withUpdatedReplicas(updated)
            .withReadyReplicas(ready)
            .withAvailableReplicas(available)
            .withUnavailableReplicas(Math.max(0, desired - available))
            .addToConditions(
                condition(
                    stored,
                    "Available",
                    available >= desired ? "True" : "False",
                    null,
                    available >= desired
                        ? "Deployment config has minimum availability."
                        : "Deployment config does not have minimum availability."));
    if (version > 0) {
      status
          .addToConditions(
              condition(
                  stored,
                  "Progressing",
                  "True",
                  complete ? "NewReplicationControllerAvailable" : "ReplicationControllerUpdated",
                  complete ? rc + " successfully rolled out" : rc + " is progressing"))
          .withNewDetails()
          .withMessage("config change")
          .withCauses(new DeploymentCause(null, "ConfigChange"))
          .endDetails();
    }
    DeploymentConfigStatus wanted = status.build();
    if (Objects.equals(wanted, dc.getStatus())) {
      return;
    }
    Conflicts.retry(
        () -> {
          DeploymentConfig latest =
              client
                  .resources(DeploymentConfig.class)
                  .inNamespace(dc.getMetadata().getNamespace())
                  .withName(dc.getMetadata().getName())
                  .get();
          if (latest == null
              || !Objects.equals(latest.getMetadata().getUid(), dc.getMetadata().getUid())) {
            return null;
          }
          latest.setStatus(wanted);
          try {
            return client.resources(DeploymentConfig.class).resource(latest).updateStatus();
          } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
              return null;
            }
            throw e;
          }
        });
  }

  private static DeploymentCondition condition(
      List<DeploymentCondition> stored, String type, String status, String reason, String message) {
    DeploymentCondition old = Conditions.find(stored, DeploymentCondition::getType, type);
    String now = Conditions.now();
    boolean sameStatus = old != null && status.equals(old.getStatus());
    boolean same =
        sameStatus
            && Objects.equals(reason, old.getReason())
            && Objects.equals(message, old.getMessage());
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(sameStatus ? old.getLastTransitionTime() : now)
        .withLastUpdateTime(same ? old.getLastUpdateTime() : now)
        .build();
  }

  static String deploymentName(DeploymentConfig dc, long version) {
    return dc.getMetadata().getName() + "-" + version;
  }

  static long versionOf(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String v = annotations == null ? null : annotations.get(VERSION_ANNOTATION);
    try {
      return v == null ? 0 : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static int desiredReplicas(DeploymentConfig dc) {
    Integer r = dc.getSpec().getReplicas();
    return r == null ? 1 : Math.max(0, r);
  }

  @Override
  public void close() {
    configs.close();
    pods.close();
    imageStreams.close();
    queue.close();
  }
}
