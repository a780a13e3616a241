package dev.deckhand.core.catalog;

/**
 * An OpenShift ImageStream tag, written like odo's component types: {@code [namespace/]name[:tag]}.
 * The namespace defaults to {@code openshift}, the tag to {@code latest}.
 */
public record ImageStreamRef(String namespace, String name, String tag) {
  public static final String DEFAULT_NAMESPACE = "openshift";
  public static final String DEFAULT_TAG = "latest";

  public ImageStreamRef {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an image stream needs a name");
    }
    namespace = namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
    tag = tag == null || tag.isEmpty() ? DEFAULT_TAG : tag;
  }

  /** Parses {@code [namespace/]name[:tag]}. */
  public static ImageStreamRef parse(String text) {
    TypeSpec spec = TypeSpec.parse(text);
    return new ImageStreamRef(spec.namespace(), spec.name(), spec.tag());
  }

  /** The ImageStreamTag name, {@code name:tag}. */
  public String tagName() {
    return name + ":" + tag;
  }

  @Override
  public String toString() {
    return namespace + "/" + name + ":" + tag;
  }
}
