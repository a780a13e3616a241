package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.KubeconfigView;
import dev.deckhand.core.cluster.Kubeconfigs;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.openshift.api.model.UserBuilder;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {
  static final String TOKEN = "sha256~s3cret";

  @TempDir Path dir;
  KubernetesMockServer server;
  String url;
  Path kubeconfig;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    url = server.url("/").replaceAll("/$", "");
    kubeconfig = dir.resolve("kube/config");
  }

  @AfterEach
  void stop() {
    server.destroy();
  }

  private String cluster() {
    return "localhost:" + server.getPort();
  }

  @Test
  void openShiftLoginNamesTheContextAfterTheUser() throws Exception {
    server
        .expect()
        .get()
        .withPath("/apis/user.openshift.io/v1/users/~")
        .andReturn(
            200, new UserBuilder().withNewMetadata().withName("developer").endMetadata().build())
        .once();

    CliRun run =
        CliRun.of(
            "login",
            "--server",
            url,
            "--token",
            TOKEN,
            "-n",
            "myproject",
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String context = "myproject/" + cluster() + "/developer";
    assertThat(run.out()).isEqualTo("Logged in to " + url + " as context " + context + "\n");
    assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    KubeconfigView view = Kubeconfigs.load(List.of(kubeconfig));
    ClusterContext current = view.currentContext().orElseThrow();
    assertThat(current.name()).isEqualTo(context);
    assertThat(current.userName()).isEqualTo("developer/" + cluster());
    assertThat(current.server()).isEqualTo(url);
  }

  @Test
  void aPastedOcLoginCommandOnPlainKubernetes() throws Exception {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReturn(
            201,
            new SelfSubjectAccessReviewBuilder()
                .withNewStatus()
                .withAllowed(true)
                .endStatus()
                .build())
        .once();

    CliRun run =
        CliRun.of(
            "login",
            "--kubeconfig",
            kubeconfig.toString(),
            "oc",
            "login",
            "--token=" + TOKEN,
            "--server=" + url + "/");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("as context default/" + cluster() + "/user");
    assertThat(Files.readString(kubeconfig)).contains(TOKEN);
  }

  @Test
  void anExpiredTokenIsReportedAndNotWritten() {
    server
        .expect()
        .get()
        .withPath("/apis/user.openshift.io/v1/users/~")
        .andReturn(
            401,
            new StatusBuilder()
                .withStatus("Failure")
                .withMessage("Unauthorized")
                .withCode(401)
                .build())
        .always();

    CliRun run =
        CliRun.of(
            "login", "--server", url, "--token", TOKEN, "--kubeconfig", kubeconfig.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("deckhand: login required for " + url)
        .contains("nothing written to " + kubeconfig)
        .doesNotContain(TOKEN);
    assertThat(kubeconfig).doesNotExist();
  }

  @Test
  void noVerifyWritesEvenWhenTheServerIsDown() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String down = "https://127.0.0.1:" + port;

    CliRun run =
        CliRun.of(
            "login",
            "--server",
            down,
            "--token",
            TOKEN,
            "--no-verify",
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("(not verified)");
    assertThat(Kubeconfigs.load(List.of(kubeconfig)).current())
        .isEqualTo("default/127-0-0-1:" + port + "/user");
  }

  @Test
  void anUnreachableServerIsOneClearLine() {
    CliRun run =
        CliRun.of(
            "login",
            "--server",
            "http://127.0.0.1:1",
            "--token",
            TOKEN,
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("deckhand: cannot reach http://127.0.0.1:1 (connection refused)");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void withoutServerOrTokenItSaysWhatToGive() {
    CliRun run = CliRun.of("login", "--kubeconfig", kubeconfig.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("give --server URL --token TOKEN");

    CliRun noToken = CliRun.of("login", "oc", "login", url);
    assertThat(noToken.exitCode()).isEqualTo(1);
    assertThat(noToken.err()).contains("no token in the login command");
  }
}
