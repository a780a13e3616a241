package dev.deckhand.core.event;

import java.util.Locale;

/** The steps of a push, in order; each is shown with its duration. */
public enum Stage {
  /** Config, cluster, namespace, component type. */
  RESOLVE,
  /** Create or update the workload, Service, Secrets, PVC, Route/Ingress. */
  APPLY,
  /** The {@code <name>-s2idata} PVC: Pending → Bound. */
  PVC,
  /** A pod of the current template is scheduled. */
  SCHEDULED,
  /** One init container (the event's {@code container} says which). */
  INIT_CONTAINER,
  /** The app container runs (go-init → supervisord up). */
  APP_CONTAINER,
  /** Scan the folder and diff it against the last confirmed index. */
  INDEX,
  /** Deletions and changed files in one exec, verified. */
  SYNC,
  /** {@code assemble-and-restart}, output streamed. */
  ASSEMBLE,
  /** Where the app answers. */
  READY;

  /** The name used in JSON and text output: {@code init-container}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
