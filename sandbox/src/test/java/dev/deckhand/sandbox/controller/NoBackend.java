package dev.deckhand.sandbox.controller;

import dev.deckhand.sandbox.api.ExecBackend;
import dev.deckhand.sandbox.api.LogBackend;
import java.util.List;

/** The controllers need no exec or logs; any call is refused. */
final class NoBackend implements ExecBackend, LogBackend {
  @Override
  public Process start(
      String namespace, String pod, String container, List<String> command, boolean stdin)
      throws ExecRefusedException {
    throw new ExecRefusedException("no kubelet in controller tests");
  }

  @Override
  public Process open(
      String namespace, String pod, String container, boolean follow, Integer tailLines)
      throws ExecBackend.ExecRefusedException {
    throw new ExecBackend.ExecRefusedException("no kubelet in controller tests");
  }
}
