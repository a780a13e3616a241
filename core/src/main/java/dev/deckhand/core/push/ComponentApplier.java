package dev.deckhand.core.push;

import dev.deckhand.core.manifest.ComponentManifests;
import dev.deckhand.core.manifest.ManifestBuilder;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.DeploymentConfigBuilder;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.client.OpenShiftClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creates or updates the component's objects. The workload is updated only when its pod template
 * changed (a hash annotation says so), because any update rolls the pod out and empties /tmp/src;
 * the rest is created when missing and kept in line with the config.
 */
final class ComponentApplier {
  static final String TEMPLATE_HASH = "deckhand.dev/template-hash";

  private final KubernetesClient client;
  private final String namespace;

  ComponentApplier(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** Creates the namespace when it is missing, as odo creates the project. */
  void ensureNamespace() {
    if (client.namespaces().withName(namespace).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }

  /**
   * @param builder the component's builder (settings, type, platform, workload kind)
   */
  AppliedComponent apply(Supplier<ManifestBuilder> builder) {
    ComponentManifests first = builder.get().build();
    String name = first.names().name();
    Set<String> podsBefore = new HashSet<>();
    for (Pod p :
        client
            .pods()
            .inNamespace(namespace)
            .withLabel(OdoLabels.POD_SELECTOR, name)
            .list()
            .getItems()) {
      podsBefore.add(p.getMetadata().getUid());
    }
    HasMetadata desired = first.workload();
    String hash = templateHash(first);
    HasMetadata existing = client.resource(desired).inNamespace(namespace).get();
    boolean created = existing == null;
    boolean changed;
    HasMetadata workload;
    if (created) {
      annotate(desired, hash);
      first.imageStream().ifPresent(this::createIfMissing);
      workload = client.resource(desired).inNamespace(namespace).create();
      changed = true;
    } else if (hash.equals(annotation(existing))) {
      workload = existing;
      changed = false;
    } else {
      workload = client.resource(updated(existing, desired, hash)).inNamespace(namespace).update();
      changed = true;
    }
    ComponentManifests owned = builder.get().ownerUid(workload.getMetadata().getUid()).build();
    for (HasMetadata object : owned.all()) {
      if (object == owned.workload() || object instanceof ImageStream) {
        continue;
      }
      RetryOnConflict.run(() -> applyOwned(object));
    }
    removeStaleUrls(owned);
    return new AppliedComponent(
        owned, workload.getMetadata().getUid(), changed, created, podsBefore);
  }

  private void applyOwned(HasMetadata object) {
    if (object instanceof PersistentVolumeClaim) {
      // A claim's spec cannot change once bound; its data must survive every push.
      createIfMissing(object);
    } else if (object instanceof Service svc) {
      Service current =
          client.services().inNamespace(namespace).withName(svc.getMetadata().getName()).get();
      if (current == null) {
        client.resource(svc).inNamespace(namespace).create();
      } else {
        // Keep what the cluster assigned (clusterIP); change only ports, selector and labels.
        current.getSpec().setPorts(svc.getSpec().getPorts());
        current.getSpec().setSelector(svc.getSpec().getSelector());
        current.getMetadata().setLabels(svc.getMetadata().getLabels());
        client.resource(current).inNamespace(namespace).update();
      }
    } else {
      HasMetadata current = client.resource(object).inNamespace(namespace).get();
      if (current == null) {
        client.resource(object).inNamespace(namespace).create();
      } else {
        object.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
        client.resource(object).inNamespace(namespace).update();
      }
    }
  }

  private void createIfMissing(HasMetadata object) {
    if (client.resource(object).inNamespace(namespace).get() == null) {
      client.resource(object).inNamespace(namespace).create();
    }
  }

  /** URLs removed from the config lose their Route or Ingress, as odo push does. */
  private void removeStaleUrls(ComponentManifests owned) {
    String selector = componentSelector(owned);
    Set<String> wanted = new HashSet<>();
    owned.ingresses().forEach(i -> wanted.add(i.getMetadata().getName()));
    owned.routes().forEach(r -> wanted.add(r.getMetadata().getName()));
    for (Ingress i :
        client
            .network()
            .v1()
            .ingresses()
            .inNamespace(namespace)
            .withLabelSelector(selector)
            .list()
            .getItems()) {
      if (i.getMetadata().getLabels().containsKey(OdoLabels.URL_NAME)
          && !wanted.contains(i.getMetadata().getName())) {
        client.resource(i).delete();
      }
    }
    if (client.supports(Route.class)) {
      OpenShiftClient os = client.adapt(OpenShiftClient.class);
      for (Route r :
          os.routes().inNamespace(namespace).withLabelSelector(selector).list().getItems()) {
        if (r.getMetadata().getLabels().containsKey(OdoLabels.URL_NAME)
            && !wanted.contains(r.getMetadata().getName())) {
          os.resource(r).delete();
        }
      }
    }
  }

  private static String componentSelector(ComponentManifests m) {
    return OdoLabels.INSTANCE
        + "="
        + m.names().component()
        + ","
        + OdoLabels.PART_OF
        + "="
        + m.names().application();
  }

  private static HasMetadata updated(HasMetadata existing, HasMetadata desired, String hash) {
    HasMetadata result;
    if (existing instanceof Deployment current && desired instanceof Deployment want) {
      result =
          new DeploymentBuilder(current)
              .editSpec()
              .withTemplate(want.getSpec().getTemplate())
              .withReplicas(want.getSpec().getReplicas())
              .endSpec()
              .build();
    } else if (existing instanceof DeploymentConfig current
        && desired instanceof DeploymentConfig want) {
      result =
          new DeploymentConfigBuilder(current)
              .editSpec()
              .withTemplate(want.getSpec().getTemplate())
              .withTriggers(want.getSpec().getTriggers())
              .endSpec()
              .build();
    } else {
      throw new IllegalStateException(
          existing.getKind()
              + " "
              + existing.getMetadata().getName()
              + " exists but is not a "
              + desired.getKind()
              + "; delete it or choose --workload "
              + existing.getKind());
    }
    Map<String, String> labels = new HashMap<>(desired.getMetadata().getLabels());
    result.getMetadata().setLabels(labels);
    annotate(result, hash);
    return result;
  }

  private static void annotate(HasMetadata object, String hash) {
    Map<String, String> a =
        object.getMetadata().getAnnotations() == null
            ? new HashMap<>()
            : new HashMap<>(object.getMetadata().getAnnotations());
    a.put(TEMPLATE_HASH, hash);
    object.getMetadata().setAnnotations(a);
  }

  private static String annotation(HasMetadata object) {
    Map<String, String> a = object.getMetadata().getAnnotations();
    return a == null ? null : a.get(TEMPLATE_HASH);
  }

  static String templateHash(ComponentManifests m) {
    try {
      byte[] json = Serialization.asJson(m.podTemplate()).getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
