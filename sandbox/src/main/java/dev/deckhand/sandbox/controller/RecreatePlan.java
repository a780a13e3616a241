package dev.deckhand.sandbox.controller;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One step of a Recreate rollout, worked out from the pods that exist: first every pod of an older
 * template goes, and nothing new starts until they are gone from the API (so two versions never
 * share the claim, as with odo's ReadWriteOnce {@code -s2idata} volume); then the current template
 * is scaled to the desired count.
 *
 * @param delete pods to delete now
 * @param create how many pods of the current template to create now
 * @param waitingForOldPods old pods still exist (perhaps terminating): come back when they are gone
 */
record RecreatePlan(List<Pod> delete, int create, boolean waitingForOldPods) {

  static RecreatePlan of(List<Pod> owned, Predicate<Pod> isCurrent, int desired) {
    List<Pod> old = owned.stream().filter(isCurrent.negate()).toList();
    if (!old.isEmpty()) {
      return new RecreatePlan(
          old.stream().filter(p -> !OwnedPods.isTerminating(p)).toList(), 0, true);
    }
    List<Pod> delete = new ArrayList<>();
    List<Pod> active = new ArrayList<>();
    for (Pod pod : owned) {
      if (OwnedPods.isTerminating(pod)) {
        continue;
      }
      if (OwnedPods.isFinished(pod)) {
        delete.add(pod); // replaced below, as a ReplicaSet replaces a pod that ended
      } else {
        active.add(pod);
      }
    }
    int surplus = active.size() - Math.max(desired, 0);
    if (surplus > 0) {
      // Like a ReplicaSet scaling down: pods that are not ready go first.
      active.sort(Comparator.comparing(OwnedPods::isReady));
      delete.addAll(active.subList(0, surplus));
    }
    return new RecreatePlan(List.copyOf(delete), Math.max(0, -surplus), false);
  }
}
