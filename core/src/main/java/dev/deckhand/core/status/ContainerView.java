package dev.deckhand.core.status;

import java.time.Instant;

/**
 * One container of the component's pod, as the kubelet reports it.
 *
 * @param name container name, e.g. {@code copy-supervisord}
 * @param init whether it is an init container
 * @param image the image of the spec (the one being pulled when waiting)
 * @param state running, waiting, terminated or unknown
 * @param reason waiting or terminated reason ({@code ImagePullBackOff}, {@code CrashLoopBackOff},
 *     {@code Completed}, {@code Error}…), or {@code null}
 * @param message the kubelet's message for the reason, or {@code null}
 * @param exitCode exit code when terminated, else {@code null}
 * @param startedAt when the current (or terminated) run started, or {@code null}
 * @param finishedAt when it terminated, or {@code null}
 * @param restartCount how often the kubelet restarted it
 * @param ready whether the kubelet reports it ready
 * @param containerId the runtime's id ({@code containerd://…}), or {@code null} before it ran
 * @param lastExitCode the exit code of the previous run (shown during a crash loop), or {@code
 *     null}
 * @param lastReason the reason of the previous run's termination, or {@code null}
 */
public record ContainerView(
    String name,
    boolean init,
    String image,
    ContainerState state,
    String reason,
    String message,
    Integer exitCode,
    Instant startedAt,
    Instant finishedAt,
    int restartCount,
    boolean ready,
    String containerId,
    Integer lastExitCode,
    String lastReason) {}
