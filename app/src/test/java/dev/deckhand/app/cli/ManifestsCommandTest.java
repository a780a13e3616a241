package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsCommandTest {
  @TempDir Path dir;

  @Test
  void printsEveryObjectOfAKubernetesComponent() {
    CliRun.of("create", "nodejs", "web", "--context", dir.toString(), "--project", "dev");

    CliRun run = CliRun.of("manifests", "--context", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("kind: Deployment")
        .contains("name: web-app")
        .contains("kind: Service")
        .contains("kind: Secret")
        .contains("name: web-app-8080")
        .contains("kind: PersistentVolumeClaim")
        .contains("name: web-app-s2idata")
        .contains("copy-files-to-volume")
        .contains("copy-supervisord")
        .contains("/opt/odo/bin/go-init")
        .contains("ODO_S2I_SCRIPTS_URL")
        .doesNotContain("DeploymentConfig");
  }

  @Test
  void openshiftDeploymentConfigOnRequest() {
    CliRun.of("create", "nodejs", "web", "--context", dir.toString(), "--project", "dev");

    CliRun run =
        CliRun.of(
            "manifests",
            "--context",
            dir.toString(),
            "--platform",
            "openshift",
            "--workload",
            "deploymentconfig");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("kind: DeploymentConfig").contains("ImageStreamTag");
  }

  @Test
  void deploymentConfigOutsideOpenShiftIsRefused() {
    CliRun.of("create", "nodejs", "web", "--context", dir.toString());

    CliRun run =
        CliRun.of("manifests", "--context", dir.toString(), "--workload", "deploymentconfig");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("needs --platform openshift");
  }

  @Test
  void noComponentSaysSo() {
    CliRun run = CliRun.of("manifests", "--context", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("deckhand create");
  }
}
