package dev.deckhand.core.catalog;

import dev.deckhand.core.config.PortSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component type: which builder image a component of this type runs on each platform, the s2i
 * metadata of that image, the ports a new component gets and the files that suggest the type.
 *
 * @param name the name users type, e.g. {@code nodejs}
 * @param imageStream the OpenShift ImageStream tag the type maps to, e.g. {@code
 *     openshift/nodejs:latest}
 * @param kubernetesImage the image pulled on plain Kubernetes
 * @param sandboxImage the image the sandbox runs; null when the sandbox has none for this type
 * @param s2i the builder image's s2i labels
 * @param defaultPorts ports in odo's syntax, e.g. {@code 8080/TCP}
 * @param detectFiles files whose presence in a folder suggests this type, e.g. {@code package.json}
 */
public record ComponentType(
    String name,
    ImageStreamRef imageStream,
    String kubernetesImage,
    String sandboxImage,
    S2iLabels s2i,
    List<String> defaultPorts,
    List<String> detectFiles) {

  public ComponentType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(imageStream, "imageStream");
    Objects.requireNonNull(kubernetesImage, "kubernetesImage");
    Objects.requireNonNull(s2i, "s2i");
    sandboxImage = sandboxImage == null || sandboxImage.isBlank() ? null : sandboxImage;
    defaultPorts = defaultPorts == null ? List.of() : List.copyOf(defaultPorts);
    detectFiles = detectFiles == null ? List.of() : List.copyOf(detectFiles);
  }

  /** The sandbox image, if the sandbox has one for this type. */
  public Optional<String> sandboxImageIfAny() {
    return Optional.ofNullable(sandboxImage);
  }

  /** The default ports, parsed. */
  public List<PortSpec> parsedDefaultPorts() {
    return defaultPorts.stream().map(PortSpec::parse).toList();
  }
}
