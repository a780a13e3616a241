package dev.deckhand.sandbox.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about objects, as Kubernetes components do, so that {@code kubectl
 * describe} and Deckhand's own status view can say why something waits or failed. An event equal to
 * one already written (same object, type, reason, message) bumps that event's count and
 * lastTimestamp instead of adding another, as the real event recorder does.
 *
 * <p>Recording never throws: an event is a courtesy, and losing one must not stop a controller.
 */
public final class EventRecorder {
  /** The two event types Kubernetes knows. */
  public enum Type {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String value;

    Type(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int REMEMBERED = 1024;

  /** Cluster-scoped objects (PVs, nodes) get their events here, as in Kubernetes. */
  private static final String CLUSTER_EVENTS_NAMESPACE = "default";

  private final KubernetesClient client;
  private final String component;
  private final String host;
  private final AtomicLong sequence = new AtomicLong();

  /** Which event each recent (object, type, reason, message) became; oldest forgotten first. */
  private final Map<String, String> written =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  /**
   * @param component the source component, e.g. {@code deployment-controller} or {@code kubelet}
   * @param host the source host (the kubelet's node), or null
   */
  public EventRecorder(KubernetesClient client, String component, String host) {
    this.client = client;
    this.component = component;
    this.host = host;
  }

  public EventRecorder(KubernetesClient client, String component) {
    this(client, component, null);
  }

  public void normal(HasMetadata object, String reason, String message) {
    record(object, Type.NORMAL, reason, message);
  }

  public void warning(HasMetadata object, String reason, String message) {
    record(object, Type.WARNING, reason, message);
  }

  /** Records an event, or counts it again if the same one was recorded before. */
  public synchronized void record(HasMetadata object, Type type, String reason, String message) {
    String namespace = namespaceOf(object);
    String key =
        String.join(
            "\u0000",
            namespace,
            kindOf(object),
            object.getMetadata().getName(),
            String.valueOf(object.getMetadata().getUid()),
            type.value(),
            reason,
            message);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    try {
      String existing = written.get(key);
      if (existing != null && countAgain(namespace, existing, now)) {
        return;
      }
      Event created =
          client
              .v1()
              .events()
              .inNamespace(namespace)
              .resource(newEvent(object, type, reason, message, now))
              .create();
      written.put(key, created.getMetadata().getName());
    } catch (KubernetesClientException e) {
      LOG.warn(
          "cannot record event {} on {}: {}",
          reason,
          object.getMetadata().getName(),
          e.getMessage());
    }
  }

  /** Bumps the count of an event written before; false if it is gone (expired, deleted). */
  private boolean countAgain(String namespace, String name, String now) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Event event = client.v1().events().inNamespace(namespace).withName(name).get();
      if (event == null) {
        return false;
      }
      event.setCount(event.getCount() == null ? 2 : event.getCount() + 1);
      event.setLastTimestamp(now);
      try {
        client.v1().events().inNamespace(namespace).resource(event).update();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
    return false;
  }

  private Event newEvent(
      HasMetadata object, EventRecorder.Type type, String reason, String message, String now) {
    String name = object.getMetadata().getName();
    // Kubernetes names events <object>.<unix nanos in hex>; the sequence keeps them unique here.
    String eventName =
        name
            + "."
            + Long.toHexString(
                System.currentTimeMillis() * 1_000_000L + sequence.incrementAndGet());
    return new EventBuilder()
        .withNewMetadata()
        .withName(eventName)
        .withNamespace(namespaceOf(object))
        .endMetadata()
        .withInvolvedObject(
            new ObjectReferenceBuilder()
                .withApiVersion(apiVersionOf(object))
                .withKind(kindOf(object))
                .withName(name)
                .withNamespace(object.getMetadata().getNamespace())
                .withUid(object.getMetadata().getUid())
                .withResourceVersion(object.getMetadata().getResourceVersion())
                .build())
        .withType(type.value())
        .withReason(reason)
        .withMessage(message)
        .withNewSource()
        .withComponent(component)
        .withHost(host)
        .endSource()
        .withReportingComponent(component)
        .withReportingInstance(host)
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .build();
  }

  private static String namespaceOf(HasMetadata object) {
    String ns = object.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? CLUSTER_EVENTS_NAMESPACE : ns;
  }

  public static String kindOf(HasMetadata object) {
    return object.getKind() != null ? object.getKind() : HasMetadata.getKind(object.getClass());
  }

  public static String apiVersionOf(HasMetadata object) {
    return object.getApiVersion() != null
        ? object.getApiVersion()
        : HasMetadata.getApiVersion(object.getClass());
  }
}
