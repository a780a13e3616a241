package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PVC's data lives in a podman volume that outlives pods; when the claim is deleted, the volume
 * goes too (the sandbox's PVs have reclaim policy Delete). A volume still used by a stopping pod is
 * retried a few times.
 */
final class ClaimVolumeReaper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimVolumeReaper.class);
  private static final int ATTEMPTS = 10;

  private final SharedIndexInformer<PersistentVolumeClaim> informer;

  ClaimVolumeReaper(
      KubernetesClient client,
      PodmanCli podman,
      PodmanNames names,
      ScheduledExecutorService timer) {
    this.informer =
        client
            .persistentVolumeClaims()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(PersistentVolumeClaim pvc) {}

                  @Override
                  public void onUpdate(PersistentVolumeClaim a, PersistentVolumeClaim b) {}

                  @Override
                  public void onDelete(PersistentVolumeClaim pvc, boolean unknown) {
                    String volume =
                        names.claimVolume(
                            pvc.getMetadata().getNamespace(), pvc.getMetadata().getName());
                    timer.execute(() -> remove(podman, timer, volume, 1));
                  }
                },
                0);
  }

  private static void remove(
      PodmanCli podman, ScheduledExecutorService timer, String volume, int attempt) {
    try {
      if (!podman.run(List.of("volume", "exists", volume), 30).ok()) {
        return;
      }
      PodmanCli.Result r = podman.run(List.of("volume", "rm", volume), 30);
      if (!r.ok() && attempt < ATTEMPTS) {
        timer.schedule(() -> remove(podman, timer, volume, attempt + 1), 1, TimeUnit.SECONDS);
      } else if (!r.ok()) {
        LOG.warn("volume {} of a deleted PVC stays: {}", volume, r.error());
      }
    } catch (IOException e) {
      LOG.warn("cannot remove volume {}: {}", volume, e.getMessage());
    }
  }

  @Override
  public void close() {
    informer.close();
  }
}
