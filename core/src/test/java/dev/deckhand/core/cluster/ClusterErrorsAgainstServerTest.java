package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.deckhand.core.cluster.ClusterError.Kind;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier on failures fabric8 really raises, against the mock server or a closed port. */
@EnableKubernetesMockClient(https = false)
class ClusterErrorsAgainstServerTest {
  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;

  @Test
  void createInAMissingNamespace() {
    server
        .expect()
        .post()
        .withPath("/api/v1/namespaces/nope/configmaps")
        .andReturn(
            404,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("NotFound")
                .withMessage("namespaces \"nope\" not found")
                .withNewDetails()
                .withName("nope")
                .withKind("namespaces")
                .endDetails()
                .withCode(404)
                .build())
        .once();

    Throwable failure =
        catchThrowable(
            () ->
                client
                    .configMaps()
                    .inNamespace("nope")
                    .resource(
                        new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("c")
                            .endMetadata()
                            .build())
                    .create());

    ClusterError e = ErrorClassifier.classify(failure);
    assertThat(e.kind()).isEqualTo(Kind.NAMESPACE_MISSING);
    assertThat(e.message()).matches("namespace \"nope\" does not exist on https?://localhost:\\d+");
  }

  @Test
  void forbiddenList() {
    server
        .expect()
        .get()
        .withPath("/apis/apps/v1/namespaces/ns/deployments")
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withMessage(
                    "deployments.apps is forbidden: User \"dev\" cannot list resource"
                        + " \"deployments\" in API group \"apps\" in the namespace \"ns\"")
                .withCode(403)
                .build())
        .once();

    Throwable failure = catchThrowable(() -> client.apps().deployments().inNamespace("ns").list());

    ClusterError e = ErrorClassifier.classify(failure);
    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(e.hint()).contains("oc auth can-i list deployments -n ns");
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    Path file = KubeconfigFixtures.single(dir.resolve("config"), url, "t");
    ClusterContext ctx = Kubeconfigs.load(List.of(file)).context("ctx").orElseThrow();

    Throwable failure;
    try (KubernetesClient probe = ClusterClients.createForProbe(ctx)) {
      failure = catchThrowable(() -> probe.namespaces().list());
    }

    ClusterError e = ErrorClassifier.classify(failure, ctx.server());
    assertThat(e.kind()).as(String.valueOf(failure)).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.message()).isEqualTo("cannot reach " + url + " (connection refused)");
  }
}
