package dev.deckhand.core.status;

import java.util.Locale;

/**
 * What Deckhand's last push left the app process doing, recorded on the workload (annotation
 * {@value #ANNOTATION}, not on the pod template: changing it rolls nothing out). The container
 * running says nothing about the app: odo's supervisor starts the app only once
 * assemble-and-restart has run, and keeps it started on later pod starts ({@code autostart=true} on
 * the PVC).
 */
public enum AppMark {
  /** The workload was created by a push that has not yet run assemble-and-restart. */
  NOT_STARTED,
  /** assemble-and-restart succeeded: the supervisor runs the app. */
  STARTED,
  /**
   * The supervisor said the app does not stay up after the last push: its assemble-and-restart
   * failed, or the app exits at start after one that succeeded.
   */
  DOWN;

  public static final String ANNOTATION = "deckhand.dev/app";

  /** The annotation's value. */
  public String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The mark an annotation value names, or null for none or an unknown one. */
  public static AppMark parse(String value) {
    for (AppMark m : values()) {
      if (m.value().equals(value)) {
        return m;
      }
    }
    return null;
  }
}
