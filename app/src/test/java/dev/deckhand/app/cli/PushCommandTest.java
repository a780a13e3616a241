package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code deckhand push} writes: progress on stdout, the failure on stderr with a non-zero
 * exit code, and with {@code -o json} nothing but JSON events on stdout. The cluster is a mock
 * server that refuses every request, so the push fails at once.
 */
class PushCommandTest {
  @TempDir Path dir;
  @TempDir Path home;

  private KubernetesMockServer server;
  private String previousKubeconfig;

  @BeforeEach
  void setUp() throws IOException {
    server = new KubernetesMockServer(false);
    server.init();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/dev/pods")
        .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"forbidden\"}")
        .always();
    Path kubeconfig = home.resolve("config");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: mock",
            "  cluster:",
            "    server: " + server.url("/"),
            "contexts:",
            "- name: mock",
            "  context:",
            "    cluster: mock",
            "    user: dev",
            "    namespace: dev",
            "current-context: mock",
            "users:",
            "- name: dev",
            "  user:",
            "    token: not-checked",
            ""));
    previousKubeconfig = System.getProperty("kubeconfig");
    System.setProperty("kubeconfig", kubeconfig.toString());
    Files.writeString(dir.resolve("package.json"), "{}");
    Files.writeString(dir.resolve("server.js"), "x");
    assertThat(CliRun.of("create", "--context", dir.toString(), "--project", "dev").exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() throws IOException {
    if (previousKubeconfig == null) {
      System.clearProperty("kubeconfig");
    } else {
      System.setProperty("kubeconfig", previousKubeconfig);
    }
    server.destroy();
  }

  @Test
  void aFailedPushPrintsItsFailureOnStderrAndExitsNonZero() {
    CliRun run = CliRun.of("push", "--context", dir.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
    assertThat(run.err().lines().filter(l -> !l.isBlank()).toList())
        .as(run.err())
        .hasSize(1)
        .allMatch(l -> l.startsWith("deckhand: push failed: "));
    // The progress, including the stage that failed, stays on stdout.
    assertThat(run.out()).contains("✗ ").doesNotContain("failed:");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void withJsonOutputStdoutHasOnlyJsonEventsAndTheFailureIsOnStderr() {
    CliRun run = CliRun.of("push", "--context", dir.toString(), "-o", "json");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out().lines().toList())
        .isNotEmpty()
        .allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    assertThat(run.out()).contains("\"success\":false");
    assertThat(run.err().lines().filter(l -> !l.isBlank()).toList())
        .hasSize(1)
        .allMatch(l -> l.startsWith("deckhand: push failed: "));
  }
}
