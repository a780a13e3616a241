package dev.deckhand.core.status;

import java.time.Instant;
import java.util.List;

/**
 * The component's pod.
 *
 * @param name pod name
 * @param uid pod UID (a new UID means a new pod, whose volume needs a full sync)
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed} or {@code
 *     Unknown}
 * @param node the node it is scheduled on, or {@code null}
 * @param startTime when the kubelet accepted it, or {@code null}
 * @param terminating whether it is being deleted
 * @param conditions e.g. {@code "PodScheduled=True, Initialized=False (ContainersNotInitialized)"};
 *     empty when none are reported
 * @param conditionMessage the message of the first false condition (e.g. why it is not scheduled),
 *     or {@code null}
 * @param initContainers the init containers in spec order
 * @param containers the app containers in spec order
 */
public record PodStatusView(
    String name,
    String uid,
    String phase,
    String node,
    Instant startTime,
    boolean terminating,
    String conditions,
    String conditionMessage,
    List<ContainerView> initContainers,
    List<ContainerView> containers) {
  public PodStatusView {
    initContainers = List.copyOf(initContainers);
    containers = List.copyOf(containers);
  }
}
