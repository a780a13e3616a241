package dev.deckhand.core.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small kubeconfig files for tests. */
final class KubeconfigFixtures {
  private KubeconfigFixtures() {}

  /** One file with one context {@code ctx}, cluster {@code c} at {@code server}, user {@code u}. */
  static Path single(Path file, String server, String token) throws IOException {
    return write(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: %s
        users:
        - name: u
          user:
            token: %s
        contexts:
        - name: ctx
          context:
            cluster: c
            user: u
            namespace: dev
        current-context: ctx
        """
            .formatted(server, token));
  }

  /** A file holding only user {@code u} with a token. */
  static Path userOnly(Path file, String token) throws IOException {
    return write(
        file,
        """
        users:
        - name: u
          user:
            token: %s
        """
            .formatted(token));
  }

  /** A file holding cluster {@code c} and context {@code ctx}, but not its user. */
  static Path clusterAndContext(Path file, String server) throws IOException {
    return write(
        file,
        """
        clusters:
        - name: c
          cluster:
            server: %s
        contexts:
        - name: ctx
          context:
            cluster: c
            user: u
        current-context: ctx
        """
            .formatted(server));
  }

  static Path write(Path file, String yaml) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(file, yaml);
  }

  /**
   * Rewrites a file the way {@code oc login} does, and moves its modification time forward so that
   * a same-second rewrite of a same-size file is still seen as changed.
   */
  static void rewriteToken(Path file, String oldToken, String newToken) throws IOException {
    String text = Files.readString(file).replace(oldToken, newToken);
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(file);
    Files.writeString(file, text);
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 2_000));
  }
}
