package dev.deckhand.core.catalog;

/**
 * A component type as a component uses it: the catalog entry plus the ImageStream namespace and tag
 * from the user's {@code [namespace/]name[:tag]}.
 *
 * @param type the catalog entry
 * @param imageStreamNamespace where the ImageStream lives on OpenShift
 * @param tag the ImageStream tag; also the {@code app.openshift.io/runtime-version} label
 */
public record ResolvedType(ComponentType type, String imageStreamNamespace, String tag) {

  /** OpenShift's internal registry, through which Deployments (not DCs) pull ImageStream tags. */
  public static final String OPENSHIFT_INTERNAL_REGISTRY =
      "image-registry.openshift-image-registry.svc:5000";

  /** The ImageStream this component builds on, with the resolved namespace and tag. */
  public ImageStreamRef imageStream() {
    return new ImageStreamRef(imageStreamNamespace, type.imageStream().name(), tag);
  }

  /** The ImageStream name, which odo uses as the {@code app.kubernetes.io/name} label. */
  public String imageStreamName() {
    return type.imageStream().name();
  }

  /**
   * The image a container pulls on the platform: on OpenShift the ImageStream tag through the
   * internal registry, on Kubernetes the catalog image, on the sandbox the sandbox image.
   *
   * @throws IllegalStateException when the sandbox has no image for this type
   */
  public String builderImage(Platform platform) {
    return switch (platform) {
      case OPENSHIFT ->
          OPENSHIFT_INTERNAL_REGISTRY
              + "/"
              + imageStreamNamespace
              + "/"
              + type.imageStream().name()
              + ":"
              + tag;
      case KUBERNETES -> type.kubernetesImage();
      case SANDBOX ->
          type.sandboxImageIfAny()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "component type '"
                              + type.name()
                              + "' has no sandbox image yet; use a Kubernetes or OpenShift"
                              + " cluster, or add 'sandboxImage' for it in your"
                              + " component-types.yaml"));
    };
  }
}
