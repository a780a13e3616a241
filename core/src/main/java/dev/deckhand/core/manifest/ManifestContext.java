package dev.deckhand.core.manifest;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.catalog.ResolvedType;
import dev.deckhand.core.catalog.S2iLabels;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.PortSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;

/**
 * What every part of a {@link ManifestBuilder} build needs, fixed once the settings are validated.
 *
 * @param initImage the init image to use (already defaulted)
 * @param ownerUid the workload's UID, or null when owner references are not wanted yet
 */
record ManifestContext(
    ComponentSettings settings,
    ResolvedType type,
    Platform platform,
    WorkloadKind workloadKind,
    ComponentNames names,
    List<PortSpec> ports,
    S2iLabels s2i,
    String initImage,
    String ownerUid) {

  ManifestContext {
    ports = List.copyOf(ports);
  }

  /** The odo labels every object carries. */
  Map<String, String> labels() {
    return OdoLabels.component(
        settings.name, names.application(), type.imageStreamName(), type.tag());
  }

  /** The odo annotations every object carries. */
  Map<String, String> annotations() {
    return OdoLabels.annotations(
        settings.sourceLocation == null ? "./" : settings.sourceLocation,
        settings.sourceTypeOrDefault());
  }

  /**
   * Metadata for an object of the component; {@code owned} objects get an owner reference to the
   * workload when its UID is known.
   */
  ObjectMeta meta(String name, boolean owned) {
    ObjectMetaBuilder b =
        new ObjectMetaBuilder().withName(name).withLabels(labels()).withAnnotations(annotations());
    if (settings.project != null && !settings.project.isBlank()) {
      b.withNamespace(settings.project);
    }
    if (owned && ownerUid != null) {
      b.withOwnerReferences(ownerReference());
    }
    return b.build();
  }

  private OwnerReference ownerReference() {
    boolean dc = workloadKind == WorkloadKind.DEPLOYMENT_CONFIG;
    return new OwnerReferenceBuilder()
        .withApiVersion(dc ? "apps.openshift.io/v1" : "apps/v1")
        .withKind(dc ? "DeploymentConfig" : "Deployment")
        .withName(names.name())
        .withUid(ownerUid)
        .build();
  }
}
