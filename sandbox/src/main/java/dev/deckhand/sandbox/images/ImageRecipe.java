package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.util.List;

/** How to build one offline image: what goes into its rootfs and its image config. */
interface ImageRecipe {

  ImageRef image();

  /**
   * A hash of everything that decides the image content. It is stored as the image label {@link
   * SandboxImages#HASH_LABEL}, so an image is rebuilt exactly when its inputs changed.
   */
  String contentHash();

  /** Writes the root filesystem. */
  void stage(Rootfs rootfs) throws IOException;

  /**
   * Dockerfile instructions for {@code podman import --change} (ENV, WORKDIR, CMD, LABEL, EXPOSE).
   * The hash and sandbox labels are added by the builder.
   */
  List<String> changes();
}
