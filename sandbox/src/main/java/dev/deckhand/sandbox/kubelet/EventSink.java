package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Where the kubelet reports what happens (Scheduled, Pulled, Created, Started, BackOff, …). */
public interface EventSink {
  void normal(HasMetadata object, String reason, String message);

  void warning(HasMetadata object, String reason, String message);
}
