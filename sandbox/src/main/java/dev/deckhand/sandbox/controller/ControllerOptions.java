package dev.deckhand.sandbox.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the sandbox's controllers.
 *
 * @param pvcBindDelay how long a claim stays Pending before it is bound; real provisioners take a
 *     moment, and clients (odo waits for the pod, the pod for its claims) must cope with that
 * @param nodeName the sandbox's only node; provisioned volumes are pinned to it
 * @param resyncPeriod how often every object is reconciled again, as a safety net for anything an
 *     event handler missed
 */
public record ControllerOptions(Duration pvcBindDelay, String nodeName, Duration resyncPeriod) {
  public static final String DEFAULT_NODE_NAME = "deckhand-sandbox";

  public ControllerOptions {
    Objects.requireNonNull(pvcBindDelay, "pvcBindDelay");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(resyncPeriod, "resyncPeriod");
    if (pvcBindDelay.isNegative() || resyncPeriod.isNegative() || resyncPeriod.isZero()) {
      throw new IllegalArgumentException("delays must be positive");
    }
  }

  /** 1.5 s to bind a claim, node {@value #DEFAULT_NODE_NAME}, a resync every 10 s. */
  public static ControllerOptions defaults() {
    return new ControllerOptions(
        Duration.ofMillis(1500), DEFAULT_NODE_NAME, Duration.ofSeconds(10));
  }

  public ControllerOptions withPvcBindDelay(Duration delay) {
    return new ControllerOptions(delay, nodeName, resyncPeriod);
  }

  public ControllerOptions withNodeName(String name) {
    return new ControllerOptions(pvcBindDelay, name, resyncPeriod);
  }

  public ControllerOptions withResyncPeriod(Duration period) {
    return new ControllerOptions(pvcBindDelay, nodeName, period);
  }
}
