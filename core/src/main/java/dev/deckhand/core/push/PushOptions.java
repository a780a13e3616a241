package dev.deckhand.core.push;

import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.manifest.WorkloadKind;
import java.time.Duration;

/**
 * How to push.
 *
 * @param force send everything (odo's {@code -f}) even when nothing changed
 * @param workloadKind the user's choice, or null for the default (Deployment, or the odo DC found)
 * @param initImage the init image, or null for the platform default
 * @param startTimeout how long the PVC, the pod and each container may take to come up
 * @param commandTimeout how long the sync and assemble-and-restart may take
 * @param reuseRunningPod push straight into the pod of the last push when it is still the same
 *     container (watch mode): no apply and no waiting, only index, sync and assemble
 * @param readyTimeout how long the ready stage waits for the app's URL to answer after a successful
 *     assemble-and-restart before it asks the supervisor what the app does
 */
public record PushOptions(
    boolean force,
    WorkloadKind workloadKind,
    String initImage,
    IndexOptions index,
    Duration startTimeout,
    Duration commandTimeout,
    boolean reuseRunningPod,
    Duration readyTimeout) {

  public PushOptions(
      boolean force,
      WorkloadKind workloadKind,
      String initImage,
      IndexOptions index,
      Duration startTimeout,
      Duration commandTimeout,
      boolean reuseRunningPod) {
    this(
        force,
        workloadKind,
        initImage,
        index,
        startTimeout,
        commandTimeout,
        reuseRunningPod,
        DEFAULT_READY_TIMEOUT);
  }

  /** Node and most s2i apps listen within a few seconds of their start. */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(10);

  public static PushOptions defaults() {
    return new PushOptions(
        false,
        null,
        null,
        IndexOptions.defaults(),
        Duration.ofMinutes(4),
        Duration.ofMinutes(10),
        false,
        DEFAULT_READY_TIMEOUT);
  }

  public PushOptions withForce(boolean f) {
    return new PushOptions(
        f,
        workloadKind,
        initImage,
        index,
        startTimeout,
        commandTimeout,
        reuseRunningPod,
        readyTimeout);
  }

  public PushOptions withStartTimeout(Duration d) {
    return new PushOptions(
        force, workloadKind, initImage, index, d, commandTimeout, reuseRunningPod, readyTimeout);
  }

  public PushOptions withReuseRunningPod(boolean r) {
    return new PushOptions(
        force, workloadKind, initImage, index, startTimeout, commandTimeout, r, readyTimeout);
  }

  public PushOptions withReadyTimeout(Duration d) {
    return new PushOptions(
        force, workloadKind, initImage, index, startTimeout, commandTimeout, reuseRunningPod, d);
  }
}
