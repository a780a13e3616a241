package dev.deckhand.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig with two usable contexts (the second current) and a broken one. */
final class TestKubeconfig {
  private TestKubeconfig() {}

  static Path write(Path dir) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        current-context: prod-east
        clusters:
        - name: dev
          cluster: {server: "https://dev.example.com:6443"}
        - name: prod
          cluster: {server: "https://prod.example.com:6443"}
        contexts:
        - name: dev-cluster
          context: {cluster: dev, user: alice, namespace: shop-dev}
        - name: prod-east
          context: {cluster: prod, user: alice, namespace: shop}
        - name: broken
          context: {cluster: missing, user: alice}
        users:
        - name: alice
          user: {token: not-a-real-token}
        """);
    return file;
  }
}
