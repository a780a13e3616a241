package dev.deckhand.sandbox.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/** Informer handlers that only hand the object on (to a queue): they never block the informer. */
final class Handlers {
  private Handlers() {}

  /** Calls {@code onChange} for additions, updates (the new object) and deletions. */
  static <T extends HasMetadata> ResourceEventHandler<T> onAnyChange(Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        if (obj != null) {
          onChange.accept(obj);
        }
      }
    };
  }
}
