package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exec credential plugin is looked up as kubectl does, and a missing one named (defect 6). */
class CredentialPluginsTest {
  @TempDir Path dir;

  private ClusterContext contextWithPlugin(String command) throws Exception {
    Path file =
        KubeconfigFixtures.write(
            dir.resolve("config"),
            """
            clusters:
            - name: c
              cluster: {server: https://127.0.0.1:6443}
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: %s
            contexts:
            - name: ctx
              context: {cluster: c, user: u}
            current-context: ctx
            """
                .formatted(command));
    return Kubeconfigs.load(List.of(file)).context("ctx").orElseThrow();
  }

  @Test
  void aPluginNotOnThePathIsNamedWithItsUser() throws Exception {
    ClusterContext ctx = contextWithPlugin("kubectl-oidc-login");

    assertThatThrownBy(
            () -> CredentialPlugins.requireInstalled(ctx, Map.of("PATH", dir.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "credential plugin 'kubectl-oidc-login' in kubeconfig user 'u' was not found; install"
                + " it, or log in with a token (deckhand login)");
  }

  @Test
  void aPluginOnThePathOrBesideTheKubeconfigIsFound() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path plugin = Files.writeString(bin.resolve("kubectl-oidc-login"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));

    CredentialPlugins.requireInstalled(
        contextWithPlugin("kubectl-oidc-login"), Map.of("PATH", "/nonexistent:" + bin));
    CredentialPlugins.requireInstalled(contextWithPlugin("bin/kubectl-oidc-login"), Map.of());
    assertThat(CredentialPlugins.installed("bin/missing", dir.resolve("config"), Map.of()))
        .isFalse();
  }
}
