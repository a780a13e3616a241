package dev.deckhand.core.status;

/** The one-word summary of a component. */
public enum HealthState {
  /** Neither the Deployment/DeploymentConfig nor a pod exists: nothing was pushed yet. */
  NOT_CREATED,
  /** On its way up; {@link Health#text()} says what it waits for. */
  STARTING,
  /** The app container runs (and is ready). */
  RUNNING,
  /**
   * The container runs but the app in it does not: the push that created it stopped before
   * assemble-and-restart, or the last assemble-and-restart left the app down.
   */
  APP_NOT_RUNNING,
  /** A container keeps exiting and the kubelet backs off (CrashLoopBackOff). */
  CRASH_LOOP,
  /** The pod failed, or a container exited and will not come back by itself. */
  FAILED,
  /** Not known yet: the API could not be read. */
  UNKNOWN
}
