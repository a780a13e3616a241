package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over named parts; each part is length-prefixed so different splits never collide. */
final class ContentHash {
  private final MessageDigest digest;

  ContentHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  ContentHash add(String name, byte[] content) {
    part(name.getBytes(StandardCharsets.UTF_8));
    part(content);
    return this;
  }

  ContentHash add(String name, String content) {
    return add(name, content.getBytes(StandardCharsets.UTF_8));
  }

  ContentHash addFile(String name, Path file) {
    part(name.getBytes(StandardCharsets.UTF_8));
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private void part(byte[] bytes) {
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
