package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI says about a kubeconfig it cannot use: the file and line of a malformed one, the
 * name of a missing one (issue 10, defect 7), and a credential plugin that is not installed (defect
 * 6: it logged ~45 lines and carried on without credentials).
 */
class KubeconfigProblemsCliTest {
  @TempDir Path dir;
  @TempDir Path home;
  private String previousKubeconfig;

  @BeforeEach
  void component() throws IOException {
    previousKubeconfig = System.getProperty("kubeconfig");
    Files.createDirectories(dir.resolve(".odo"));
    Files.writeString(
        dir.resolve(".odo/config.yaml"),
        """
        kind: LocalConfig
        apiVersion: odo.dev/v1alpha1
        ComponentSettings:
          Type: nodejs
          Name: shop
          Application: app
          Project: dev
        """);
  }

  @AfterEach
  void restore() {
    if (previousKubeconfig == null) {
      System.clearProperty("kubeconfig");
    } else {
      System.setProperty("kubeconfig", previousKubeconfig);
    }
  }

  @Test
  void aMalformedKubeconfigIsNamedWithItsLine() throws IOException {
    Path file = home.resolve("config");
    Files.writeString(
        file,
        """
        apiVersion: v1
        clusters:
        - name: c
          cluster:
            server: https://example:6443
           bad: indentation: here
        """);
    System.setProperty("kubeconfig", file.toString());

    CliRun run = CliRun.of("url", "--context", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("deckhand: no cluster configured: " + file + ", line 6: not valid YAML (")
        .doesNotContain("no kubeconfig", "Exception", "\tat ");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aMissingKubeconfigIsNamed() {
    Path missing = home.resolve("typo/config");
    System.setProperty("kubeconfig", missing.toString());

    CliRun run = CliRun.of("status", "--context", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "deckhand: no cluster configured: "
                + missing
                + ": no such file (named in KUBECONFIG)"
                + System.lineSeparator());
  }

  @Test
  void aCredentialPluginThatIsNotInstalledIsNamed() throws IOException {
    try (ServerSocket listening = new ServerSocket(0)) {
      assertPluginNamed(listening.getLocalPort());
    }
  }

  private void assertPluginNamed(int port) throws IOException {
    Path file = home.resolve("config");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: https://127.0.0.1:%d
        contexts:
        - name: ctx
          context: {cluster: c, user: u, namespace: dev}
        current-context: ctx
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: kubectl-oidc-login
              args: [get-token, --oidc-issuer-url=https://issuer.example]
              interactiveMode: Never
        """
            .formatted(port));
    System.setProperty("kubeconfig", file.toString());

    CliRun run = CliRun.of("url", "--context", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "deckhand: credential plugin 'kubectl-oidc-login' in kubeconfig user 'u' was not"
                + " found; install it, or log in with a token (deckhand login)"
                + System.lineSeparator());
  }
}
