package dev.deckhand.core.manifest;

import static dev.deckhand.core.manifest.ManifestBuilder.COPY_FILES_CONTAINER;
import static dev.deckhand.core.manifest.ManifestBuilder.DC_PLACEHOLDER_IMAGE;
import static dev.deckhand.core.manifest.ManifestBuilder.IMAGE_TRIGGERS_ANNOTATION;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.catalog.ResolvedType;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.DeploymentConfigBuilder;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.ImageStreamBuilder;
import java.util.Map;

/**
 * The workload that runs the component: a Deployment, or a DeploymentConfig with its ImageStream,
 * each wired to roll out again when the builder image's ImageStream tag moves.
 */
final class Workloads {
  private final ManifestContext ctx;
  private final PodTemplateFactory pods;

  Workloads(ManifestContext ctx) {
    this.ctx = ctx;
    this.pods = new PodTemplateFactory(ctx);
  }

  /** The (empty) ImageStream a DeploymentConfig belongs with. */
  ImageStream imageStream() {
    return new ImageStreamBuilder()
        .withMetadata(ctx.meta(ctx.names().name(), false))
        .withNewSpec()
        .endSpec()
        .build();
  }

  DeploymentConfig deploymentConfig() {
    String name = ctx.names().name();
    ResolvedType type = ctx.type();
    return new DeploymentConfigBuilder()
        .withMetadata(ctx.meta(name, false))
        .withNewSpec()
        .withReplicas(1)
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withSelector(Map.of(OdoLabels.POD_SELECTOR, name))
        .withTemplate(pods.podTemplate(DC_PLACEHOLDER_IMAGE))
        .addNewTrigger()
        .withType("ConfigChange")
        .endTrigger()
        .addNewTrigger()
        .withType("ImageChange")
        .withNewImageChangeParams()
        .withAutomatic(true)
        .withContainerNames(name, COPY_FILES_CONTAINER)
        .withNewFrom()
        .withKind("ImageStreamTag")
        .withName(type.imageStream().tagName())
        .withNamespace(type.imageStreamNamespace())
        .endFrom()
        .endImageChangeParams()
        .endTrigger()
        .endSpec()
        .build();
  }

  Deployment deployment() {
    String name = ctx.names().name();
    ObjectMeta meta = ctx.meta(name, false);
    if (ctx.platform() == Platform.OPENSHIFT) {
      // The Deployment pulls the ImageStream tag through the internal registry; the trigger
      // annotation makes OpenShift roll it out again when the tag moves, as a DC would.
      meta.getAnnotations().put(IMAGE_TRIGGERS_ANNOTATION, imageTriggers(name));
    }
    return new DeploymentBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withReplicas(1)
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewSelector()
        .withMatchLabels(Map.of(OdoLabels.POD_SELECTOR, name))
        .endSelector()
        .withTemplate(pods.podTemplate(builderImage()))
        .endSpec()
        .build();
  }

  private String builderImage() {
    try {
      return ctx.type().builderImage(ctx.platform());
    } catch (IllegalStateException e) {
      throw new ManifestException(e.getMessage(), e);
    }
  }

  private String imageTriggers(String containerName) {
    return "[{\"from\":{\"kind\":\"ImageStreamTag\",\"name\":\""
        + ctx.type().imageStream().tagName()
        + "\",\"namespace\":\""
        + ctx.type().imageStreamNamespace()
        + "\"},\"fieldPath\":\"spec.template.spec.containers[?(@.name==\\\""
        + containerName
        + "\\\")].image\"}]";
  }
}
