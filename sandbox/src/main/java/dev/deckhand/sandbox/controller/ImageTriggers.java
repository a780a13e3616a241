package dev.deckhand.sandbox.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.DeploymentTriggerImageChangeParams;
import io.fabric8.openshift.api.model.DeploymentTriggerPolicy;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.NamedTagEventList;
import io.fabric8.openshift.api.model.TagReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a DeploymentConfig's ImageChange triggers: odo generates containers with image {@code "
 * "} and relies on the trigger to fill in the builder image from an ImageStreamTag.
 *
 * <p>OpenShift writes the resolved image back into the DC's template; the sandbox only puts it into
 * the pods it creates, so that a client's read-modify-write of the DC (odo's push does a full PUT)
 * never meets a conflict caused by the controller.
 */
final class ImageTriggers {
  /** The template with images filled in, or why it cannot be. */
  record Resolution(PodTemplateSpec template, String problem) {
    boolean resolved() {
      return problem == null;
    }
  }

  private final KubernetesClient client;

  ImageTriggers(KubernetesClient client) {
    this.client = client;
  }

  Resolution resolve(DeploymentConfig dc) {
    PodTemplateSpec template = new PodTemplateSpecBuilder(dc.getSpec().getTemplate()).build();
    List<DeploymentTriggerPolicy> triggers = dc.getSpec().getTriggers();
    if (triggers == null) {
      return new Resolution(template, null);
    }
    for (DeploymentTriggerPolicy trigger : triggers) {
      DeploymentTriggerImageChangeParams params = trigger.getImageChangeParams();
      if (!"ImageChange".equals(trigger.getType()) || params == null || params.getFrom() == null) {
        continue;
      }
      List<Container> targets = targets(template, params.getContainerNames());
      if (targets.stream().noneMatch(c -> isBlank(c.getImage()))) {
        continue; // nothing left for this trigger to fill
      }
      ObjectReference from = params.getFrom();
      String namespace =
          from.getNamespace() == null || from.getNamespace().isEmpty()
              ? dc.getMetadata().getNamespace()
              : from.getNamespace();
      Optional<String> image = imageOf(namespace, from);
      if (image.isEmpty()) {
        return new Resolution(null, problem(namespace, from));
      }
      for (Container c : targets) {
        if (isBlank(c.getImage())) {
          c.setImage(image.get());
        }
      }
    }
    return new Resolution(template, null);
  }

  private String problem(String namespace, ObjectReference from) {
    if (!"ImageStreamTag".equals(from.getKind())) {
      return "image trigger from a " + from.getKind() + " is not supported by the sandbox";
    }
    String[] nameAndTag = splitTag(from.getName());
    ImageStream is =
        client.resources(ImageStream.class).inNamespace(namespace).withName(nameAndTag[0]).get();
    if (is == null) {
      return "imagestream " + namespace + "/" + from.getName() + " not found";
    }
    return "imagestream "
        + namespace
        + "/"
        + nameAndTag[0]
        + " has no image for tag "
        + nameAndTag[1];
  }

  private Optional<String> imageOf(String namespace, ObjectReference from) {
    if ("DockerImage".equals(from.getKind())) {
      return Optional.ofNullable(from.getName());
    }
    if (!"ImageStreamTag".equals(from.getKind()) || from.getName() == null) {
      return Optional.empty();
    }
    String[] nameAndTag = splitTag(from.getName());
    ImageStream is =
        client.resources(ImageStream.class).inNamespace(namespace).withName(nameAndTag[0]).get();
    if (is == null) {
      return Optional.empty();
    }
    if (is.getStatus() != null && is.getStatus().getTags() != null) {
      for (NamedTagEventList tag : is.getStatus().getTags()) {
        if (nameAndTag[1].equals(tag.getTag())
            && tag.getItems() != null
            && !tag.getItems().isEmpty()
            && !isBlank(tag.getItems().get(0).getDockerImageReference())) {
          return Optional.of(tag.getItems().get(0).getDockerImageReference());
        }
      }
    }
    if (is.getSpec() != null && is.getSpec().getTags() != null) {
      for (TagReference tag : is.getSpec().getTags()) {
        if (nameAndTag[1].equals(tag.getName())
            && tag.getFrom() != null
            && "DockerImage".equals(tag.getFrom().getKind())
            && !isBlank(tag.getFrom().getName())) {
          return Optional.of(tag.getFrom().getName());
        }
      }
    }
    return Optional.empty();
  }

  /** The containers a trigger names, init containers included (odo names one of those too). */
  private static List<Container> targets(PodTemplateSpec template, List<String> names) {
    List<Container> all = new ArrayList<>();
    if (template.getSpec().getInitContainers() != null) {
      all.addAll(template.getSpec().getInitContainers());
    }
    if (template.getSpec().getContainers() != null) {
      all.addAll(template.getSpec().getContainers());
    }
    if (names == null || names.isEmpty()) {
      return all;
    }
    return all.stream().filter(c -> names.contains(c.getName())).toList();
  }

  private static String[] splitTag(String nameTag) {
    int colon = nameTag.lastIndexOf(':');
    return colon < 0
        ? new String[] {nameTag, "latest"}
        : new String[] {nameTag.substring(0, colon), nameTag.substring(colon + 1)};
  }

  static boolean isBlank(String image) {
    return image == null || image.isBlank();
  }
}
