package dev.deckhand.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.catalog.Platform;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.openshift.api.model.DeploymentConfigBuilder;
import io.fabric8.openshift.client.OpenShiftClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WorkloadKindChooserTest {
  KubernetesClient client;

  @Test
  void choice() {
    assertThat(WorkloadKindChooser.choose(Platform.KUBERNETES, null, false))
        .isEqualTo(WorkloadKind.DEPLOYMENT);
    assertThat(WorkloadKindChooser.choose(Platform.OPENSHIFT, null, false))
        .isEqualTo(WorkloadKind.DEPLOYMENT);
    assertThat(
            WorkloadKindChooser.choose(Platform.OPENSHIFT, WorkloadKind.DEPLOYMENT_CONFIG, false))
        .isEqualTo(WorkloadKind.DEPLOYMENT_CONFIG);
    assertThat(
            WorkloadKindChooser.choose(Platform.KUBERNETES, WorkloadKind.DEPLOYMENT_CONFIG, false))
        .isEqualTo(WorkloadKind.DEPLOYMENT);
    assertThat(WorkloadKindChooser.choose(Platform.OPENSHIFT, WorkloadKind.DEPLOYMENT, true))
        .isEqualTo(WorkloadKind.DEPLOYMENT_CONFIG);
  }

  @Test
  void odoDcFound() {
    createDc(
        "web-app", Map.of("app.kubernetes.io/instance", "web", "app.kubernetes.io/part-of", "app"));
    assertThat(WorkloadKindChooser.existingOdoComponent(client, "ns", "web-app", "web", "app"))
        .isTrue();
  }

  @Test
  void dcWithoutOdoLabels() {
    createDc("web-app", Map.of("app", "app"));
    assertThat(WorkloadKindChooser.existingOdoComponent(client, "ns", "web-app", "web", "app"))
        .isFalse();
  }

  @Test
  void dcOfAnotherApplication() {
    createDc(
        "web-app",
        Map.of("app.kubernetes.io/instance", "web", "app.kubernetes.io/part-of", "other"));
    assertThat(WorkloadKindChooser.existingOdoComponent(client, "ns", "web-app", "web", "app"))
        .isFalse();
  }

  @Test
  void noDc() {
    assertThat(WorkloadKindChooser.existingOdoComponent(client, "ns", "web-app", "web", "app"))
        .isFalse();
  }

  @Test
  void manifestsOfTheChosenKindApplyToTheMockServer() {
    var settings = NodejsOnKubernetesTest.settings();
    settings.project = "ns";
    var m =
        new ManifestBuilder(
                settings,
                dev.deckhand.core.catalog.ComponentCatalog.builtIn().resolve("nodejs"),
                Platform.OPENSHIFT)
            .workloadKind(
                WorkloadKindChooser.choose(
                    Platform.OPENSHIFT, WorkloadKind.DEPLOYMENT_CONFIG, false))
            .build();
    OpenShiftClient os = client.adapt(OpenShiftClient.class);
    m.all().forEach(o -> os.resource(o).inNamespace("ns").create());
    assertThat(
            WorkloadKindChooser.existingOdoComponent(
                client, "ns", m.names().name(), "nodejs-ex", "app"))
        .isTrue();
  }

  private void createDc(String name, Map<String, String> labels) {
    client
        .adapt(OpenShiftClient.class)
        .deploymentConfigs()
        .inNamespace("ns")
        .resource(
            new DeploymentConfigBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .build())
        .create();
  }
}
