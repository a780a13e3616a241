package dev.deckhand.sandbox.images;

import java.util.Objects;

/** A local image name, e.g. {@code localhost/deckhand/odo-init:latest}. */
public record ImageRef(String repository, String tag) {

  public ImageRef {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
  }

  /** Parses {@code repo[:tag]}; the tag defaults to {@code latest}. */
  public static ImageRef parse(String name) {
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    // A colon before the last slash belongs to a registry host:port, not to a tag.
    if (colon > slash) {
      return new ImageRef(name.substring(0, colon), name.substring(colon + 1));
    }
    return new ImageRef(name, "latest");
  }

  @Override
  public String toString() {
    return repository + ":" + tag;
  }
}
