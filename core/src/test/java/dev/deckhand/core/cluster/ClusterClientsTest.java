package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterClientsTest {
  @TempDir Path dir;
  BearerTokenServer server;

  @BeforeEach
  void start() {
    server = new BearerTokenServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("one kubeconfig file: an oc login that rewrites the token heals the running client")
  void reloginInOneFileHealsClient() throws Exception {
    Path file = KubeconfigFixtures.single(dir.resolve("config"), server.url(), "expired");
    ClusterContext ctx = Kubeconfigs.load(List.of(file)).context("ctx").orElseThrow();

    try (KubernetesClient client = ClusterClients.create(ctx)) {
      assertThatThrownBy(() -> client.namespaces().list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(401));

      KubeconfigFixtures.rewriteToken(file, "expired", BearerTokenServer.GOOD);

      assertThat(client.namespaces().list().getItems()).isEmpty();
    }
  }

  @Test
  @DisplayName("user in another $KUBECONFIG file: its rewritten token is read at the next request")
  void reloginInUserFileHealsClient() throws Exception {
    Path main = KubeconfigFixtures.clusterAndContext(dir.resolve("main"), server.url());
    Path users = KubeconfigFixtures.userOnly(dir.resolve("users"), "expired");
    ClusterContext ctx = Kubeconfigs.load(List.of(main, users)).context("ctx").orElseThrow();
    assertThat(ctx.userFile()).isEqualTo(users);

    try (KubernetesClient client = ClusterClients.create(ctx)) {
      assertThatThrownBy(() -> client.namespaces().list())
          .isInstanceOf(KubernetesClientException.class);

      KubeconfigFixtures.rewriteToken(users, "expired", BearerTokenServer.GOOD);

      assertThat(client.namespaces().list().getItems()).isEmpty();
    }
  }

  @Test
  void theTokenIsNeverPinnedInTheConfig() throws Exception {
    Path file = KubeconfigFixtures.single(dir.resolve("config"), server.url(), "t0k3n");
    ClusterContext ctx = Kubeconfigs.load(List.of(file)).context("ctx").orElseThrow();

    assertThat(ClusterClients.config(ctx).getOauthToken()).isNull();
    assertThat(ClusterClients.config(ctx).getNamespace()).isEqualTo("dev");
  }

  @Test
  void tlsVerificationStaysOnUnlessTheKubeconfigSaysInsecure() throws Exception {
    Path file = KubeconfigFixtures.single(dir.resolve("config"), "https://api.example:6443", "t");
    ClusterContext ctx = Kubeconfigs.load(List.of(file)).context("ctx").orElseThrow();
    assertThat(ClusterClients.config(ctx).isTrustCerts()).isFalse();

    KubeconfigFixtures.write(
        file,
        java.nio.file.Files.readString(file)
            .replace("server: https", "insecure-skip-tls-verify: true\n    server: https"));
    ClusterContext insecure = Kubeconfigs.load(List.of(file)).context("ctx").orElseThrow();
    assertThat(ClusterClients.config(insecure).isTrustCerts()).isTrue();
  }

  @Test
  void anUnusableContextIsRefusedWithItsProblem() throws Exception {
    Path file = KubeconfigFixtures.clusterAndContext(dir.resolve("main"), server.url());
    ClusterContext ctx = Kubeconfigs.load(List.of(file)).context("ctx").orElseThrow();

    assertThatThrownBy(() -> ClusterClients.create(ctx))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user \"u\" is not defined");
  }
}
