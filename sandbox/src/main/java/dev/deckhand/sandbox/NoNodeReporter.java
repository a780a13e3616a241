package dev.deckhand.sandbox;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/** Without a node, says so on every pod: a Warning event and an Unschedulable condition. */
final class NoNodeReporter implements AutoCloseable {
  private final SharedIndexInformer<Pod> informer;

  private NoNodeReporter(SharedIndexInformer<Pod> informer) {
    this.informer = informer;
  }

  static NoNodeReporter start(KubernetesClient client, EventRecorder events, String why) {
    ResourceEventHandler<Pod> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            events.warning(pod, "FailedScheduling", "0/0 nodes are available: " + why);
            try {
              client
                  .pods()
                  .inNamespace(pod.getMetadata().getNamespace())
                  .withName(pod.getMetadata().getName())
                  .editStatus(
                      p ->
                          new PodBuilder(p)
                              .withNewStatus()
                              .withPhase("Pending")
                              .addNewCondition()
                              .withType("PodScheduled")
                              .withStatus("False")
                              .withReason("Unschedulable")
                              .withMessage(why)
                              .endCondition()
                              .endStatus()
                              .build());
            } catch (KubernetesClientException e) {
              // deleted meanwhile
            }
          }

          @Override
          public void onUpdate(Pod oldPod, Pod newPod) {}

          @Override
          public void onDelete(Pod pod, boolean unknown) {}
        };
    return new NoNodeReporter(client.pods().inAnyNamespace().inform(handler, 0));
  }

  @Override
  public void close() {
    informer.close();
  }
}
