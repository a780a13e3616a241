package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The scripts shipped in this module under {@code dev/deckhand/sandbox/images/}. */
final class Resources {
  private static final String BASE = "/dev/deckhand/sandbox/images/";

  private Resources() {}

  static byte[] bytes(String relativePath) {
    try (InputStream in = open(relativePath)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream open(String relativePath) {
    InputStream in = Resources.class.getResourceAsStream(BASE + relativePath);
    if (in == null) {
      throw new IllegalStateException("missing resource " + BASE + relativePath);
    }
    return in;
  }
}
