package dev.deckhand.sandbox.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Namespace and name: what a controller's queue holds (never the object, which goes stale). */
record ObjectKey(String namespace, String name) {
  static ObjectKey of(HasMetadata object) {
    return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
