package dev.deckhand.sandbox.kubelet;

import java.io.IOException;

/** An image that is neither local nor pullable. */
final class ImageNotPresentException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String image;

  ImageNotPresentException(String image, String why) {
    super(why);
    this.image = image;
  }

  String image() {
    return image;
  }
}
