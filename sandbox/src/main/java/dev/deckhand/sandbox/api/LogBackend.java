package dev.deckhand.sandbox.api;

import java.io.IOException;

/** Serves {@code pods/log}; the kubelet backs it with {@code podman logs}. */
public interface LogBackend {
  /**
   * A process whose stdout is the log (and which ends when the log ends, unless following).
   *
   * @param container the container name, or null for the pod's first app container
   * @param tailLines how many lines from the end, or null for all
   * @throws ExecBackend.ExecRefusedException when the pod or container has no log yet
   */
  Process open(String namespace, String pod, String container, boolean follow, Integer tailLines)
      throws IOException, ExecBackend.ExecRefusedException;
}
