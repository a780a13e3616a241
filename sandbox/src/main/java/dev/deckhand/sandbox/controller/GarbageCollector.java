package dev.deckhand.sandbox.controller;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes objects whose owners are gone, following {@code ownerReferences} as Kubernetes' garbage
 * collector does (background propagation), so that deleting a DeploymentConfig or Deployment takes
 * its pods, service, secrets and claims with it; odo's {@code delete} relies on this. Cascades: a
 * deleted dependent is itself an owner that goes away.
 *
 * <p>An object goes only when every owner it names is gone; an owner of a kind the collector does
 * not watch counts as present, so nothing is deleted on a guess. Absence is checked against the
 * API, not only the caches, so an owner created a moment ago is never mistaken for a gone one.
 */
final class GarbageCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);
  private static final String OWNER_UID_INDEX = "owner-uid";

  private final KubernetesClient client;
  private final WorkQueue<String> queue;

  /** Watched kinds by "apiVersion/kind" (the form owner references name them in). */
  private final Map<String, Class<? extends HasMetadata>> kinds = new LinkedHashMap<>();

  private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();

  GarbageCollector(KubernetesClient client, boolean openShift, ControllerOptions options) {
    this.client = client;
    // Keys are deleted owners' uids, or SWEEP for a look at everything.
    this.queue = new WorkQueue<>("garbage-collector", this::collect);
    watch(Pod.class);
    watch(Service.class);
    watch(Secret.class);
    watch(ConfigMap.class);
    watch(PersistentVolumeClaim.class);
    watch(Ingress.class);
    watch(Deployment.class);
    watch(ReplicaSet.class);
    if (openShift) {
      watch(DeploymentConfig.class);
      watch(Route.class);
      watch(ImageStream.class);
    }
    queue.every(options.resyncPeriod(), () -> queue.add(SWEEP));
  }

  private static final String SWEEP = "";

  List<SharedIndexInformer<?>> informers() {
    return List.copyOf(informers);
  }

  private <T extends HasMetadata> void watch(Class<T> type) {
    kinds.put(HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type), type);
    SharedIndexInformer<T> informer = client.resources(type).inAnyNamespace().runnableInformer(0);
    informer.addIndexers(
        Map.of(
            OWNER_UID_INDEX,
            object ->
                object.getMetadata().getOwnerReferences() == null
                    ? List.of()
                    : object.getMetadata().getOwnerReferences().stream()
                        .map(OwnerReference::getUid)
                        .filter(Objects::nonNull)
                        .toList()));
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T obj) {
            // A dependent created after its owner was deleted must go too.
            if (hasOwners(obj)) {
              queue.add(SWEEP);
            }
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            if (newObj.getMetadata().getDeletionTimestamp() != null) {
              queue.add(newObj.getMetadata().getUid());
            }
          }

          @Override
          public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            if (obj != null && obj.getMetadata().getUid() != null) {
              queue.add(obj.getMetadata().getUid());
            }
          }
        });
    informers.add(informer);
  }

  private java.time.Duration collect(String ownerUid) {
    for (SharedIndexInformer<? extends HasMetadata> informer : informers) {
      List<? extends HasMetadata> candidates =
          ownerUid.equals(SWEEP)
              ? informer.getStore().list().stream().filter(GarbageCollector::hasOwners).toList()
              : informer.getIndexer().byIndex(OWNER_UID_INDEX, ownerUid);
      for (HasMetadata dependent : candidates) {
        if (dependent.getMetadata().getDeletionTimestamp() == null && allOwnersGone(dependent)) {
          delete(dependent);
        }
      }
    }
    return null;
  }

  private void delete(HasMetadata dependent) {
    LOG.debug(
        "deleting {} {}/{}: its owners are gone",
        EventRecorder.kindOf(dependent),
        dependent.getMetadata().getNamespace(),
        dependent.getMetadata().getName());
    try {
      client.resource(dependent).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  private static boolean hasOwners(HasMetadata object) {
    return object.getMetadata().getOwnerReferences() != null
        && !object.getMetadata().getOwnerReferences().isEmpty();
  }

  private boolean allOwnersGone(HasMetadata dependent) {
    for (OwnerReference ref : dependent.getMetadata().getOwnerReferences()) {
      if (!isGone(dependent.getMetadata().getNamespace(), ref)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the owner is gone or deleting; owners of unwatched kinds never are. */
  private boolean isGone(String namespace, OwnerReference ref) {
    Class<? extends HasMetadata> type = kinds.get(ref.getApiVersion() + "/" + ref.getKind());
    if (type == null || ref.getName() == null) {
      return false;
    }
    HasMetadata owner = client.resources(type).inNamespace(namespace).withName(ref.getName()).get();
    return owner == null
        || !Objects.equals(owner.getMetadata().getUid(), ref.getUid())
        || owner.getMetadata().getDeletionTimestamp() != null;
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    queue.close();
  }
}
