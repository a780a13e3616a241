package dev.deckhand.sandbox.controller;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.ImageStreamBuilder;
import io.fabric8.openshift.api.model.ImageStreamStatusBuilder;
import io.fabric8.openshift.api.model.NamedTagEventListBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * What an OpenShift cluster has before anyone uses it and odo needs: builder image streams in the
 * {@code openshift} namespace, here pointing at the sandbox's own images, tagged {@code builder}
 * like OpenShift's samples so that odo lists them as component types.
 */
public final class OpenShiftSeed {
  public static final String NAMESPACE = "openshift";

  /** Image stream name → the sandbox image its {@code latest} tag points at. */
  public static final Map<String, String> BUILDERS =
      Map.of(
          "nodejs", "localhost/deckhand/nodejs-builder:latest",
          "java", "localhost/deckhand/java-builder:latest");

  private OpenShiftSeed() {}

  /** Creates what is missing; leaves what exists alone (so a restart changes nothing). */
  public static void apply(KubernetesClient client) {
    if (client.namespaces().withName(NAMESPACE).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
    }
    BUILDERS.forEach((name, image) -> ensureImageStream(client, name, image));
  }

  private static void ensureImageStream(KubernetesClient client, String name, String image) {
    var streams = client.resources(ImageStream.class).inNamespace(NAMESPACE);
    if (streams.withName(name).get() != null) {
      return;
    }
    ImageStream created =
        streams
            .resource(
                new ImageStreamBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .withNamespace(NAMESPACE)
                    .addToAnnotations("openshift.io/display-name", displayName(name))
                    .addToAnnotations("openshift.io/provider-display-name", "Deckhand sandbox")
                    .endMetadata()
                    .withNewSpec()
                    .addNewTag()
                    .withName("latest")
                    .addToAnnotations("tags", "builder," + name)
                    .addToAnnotations("supports", name)
                    .addToAnnotations("openshift.io/display-name", displayName(name) + " (Latest)")
                    .withNewFrom()
                    .withKind("DockerImage")
                    .withName(image)
                    .endFrom()
                    .withNewReferencePolicy()
                    .withType("Local")
                    .endReferencePolicy()
                    .endTag()
                    .endSpec()
                    .build())
            .create();
    created.setStatus(
        new ImageStreamStatusBuilder()
            .withDockerImageRepository(image.substring(0, image.lastIndexOf(':')))
            .addToTags(
                new NamedTagEventListBuilder()
                    .withTag("latest")
                    .addNewItem()
                    .withDockerImageReference(image)
                    .withImage(digestOf(image))
                    .withCreated(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                    .withGeneration(1L)
                    .endItem()
                    .build())
            .build());
    streams.resource(created).updateStatus();
  }

  private static String displayName(String name) {
    return name.equals("nodejs") ? "Node.js" : "Java";
  }

  /**
   * A stable stand-in for the image's digest: the sandbox builds its images locally, so there is no
   * registry digest to report, but clients expect {@code sha256:…} here.
   */
  private static String digestOf(String image) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
