package dev.deckhand.core.push;

import dev.deckhand.core.manifest.ComponentManifests;
import java.util.Set;

/**
 * The result of the apply stage.
 *
 * @param podsBefore UIDs of the component's pods before the apply: after a template change, the pod
 *     to push into is one not among them
 */
record AppliedComponent(
    ComponentManifests manifests,
    String workloadUid,
    boolean templateChanged,
    boolean created,
    Set<String> podsBefore) {

  String summary() {
    return created ? "created" : templateChanged ? "updated (rolling out)" : "unchanged";
  }
}
