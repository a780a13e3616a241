package dev.deckhand.core.status;

/** The state the kubelet reports for a container. */
public enum ContainerState {
  /** Not started yet, or backing off ({@link ContainerView#reason()} says why). */
  WAITING,
  RUNNING,
  /** Exited ({@link ContainerView#exitCode()}). */
  TERMINATED,
  /** No status reported yet (the pod was just created or is not scheduled). */
  UNKNOWN
}
