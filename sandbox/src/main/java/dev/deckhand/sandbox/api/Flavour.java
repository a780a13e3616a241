package dev.deckhand.sandbox.api;

/** Which cluster the sandbox pretends to be; OpenShift adds its API groups to discovery. */
public enum Flavour {
  KUBERNETES,
  OPENSHIFT
}
