package dev.deckhand.core.manifest;

import dev.deckhand.core.config.StorageSetting;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The PersistentVolumeClaims of a component: one per Storage entry, plus the s2i data claim. */
final class StorageObjects {
  private static final String S2I_DATA_SIZE = "1Gi";
  private static final String DEFAULT_STORAGE_SIZE = "1Gi";

  private final ManifestContext ctx;

  StorageObjects(ManifestContext ctx) {
    this.ctx = ctx;
  }

  /** One claim per Storage entry, in order. */
  List<PersistentVolumeClaim> storagePvcs() {
    List<PersistentVolumeClaim> pvcs = new ArrayList<>();
    for (StorageSetting st : ctx.settings().storageOrEmpty()) {
      pvcs.add(storagePvc(st));
    }
    return pvcs;
  }

  /** The claim holding the s2i data (sources, deployments), owned by the workload. */
  PersistentVolumeClaim s2iDataPvc() {
    String name = ctx.names().s2iDataPvc();
    return pvc(ctx.meta(name, true), S2I_DATA_SIZE);
  }

  private PersistentVolumeClaim storagePvc(StorageSetting st) {
    if (st == null || st.name() == null || st.name().isBlank()) {
      throw new ManifestException("an entry of Storage has no name");
    }
    if (st.path() == null || !st.path().startsWith("/")) {
      throw new ManifestException(
          "storage '" + st.name() + "' needs an absolute mount path in the container");
    }
    ctx.names().storageVolume(st.name()); // checks the volume name early
    String pvcName = ctx.names().storagePvc(st.name());
    ObjectMeta meta = ctx.meta(pvcName, false);
    meta.getLabels().put(OdoLabels.STORAGE_NAME, st.name());
    String size =
        st.size() == null || st.size().isBlank() ? DEFAULT_STORAGE_SIZE : st.size().trim();
    PodTemplateFactory.quantity(size, "Storage '" + st.name() + "' Size");
    return pvc(meta, size);
  }

  private static PersistentVolumeClaim pvc(ObjectMeta meta, String size) {
    return new PersistentVolumeClaimBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .withRequests(Map.of("storage", new Quantity(size)))
        .endResources()
        .endSpec()
        .build();
  }
}
