package dev.deckhand.core.manifest;

import static dev.deckhand.core.manifest.ManifestAssertions.container;
import static dev.deckhand.core.manifest.ManifestAssertions.env;
import static dev.deckhand.core.manifest.ManifestAssertions.initContainer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.EnvSetting;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.config.UrlSetting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names at the limits, source types, init image choice and the errors. */
class ManifestRulesTest {

  private static ComponentSettings nodejs(String name) {
    ComponentSettings s = new ComponentSettings();
    s.name = name;
    s.type = "nodejs";
    s.ports = List.of("8080/TCP");
    return s;
  }

  private static ComponentManifests build(ComponentSettings s, Platform platform) {
    return new ManifestBuilder(s, ComponentCatalog.builtIn().resolve("nodejs"), platform)
        .environment(k -> null)
        .build();
  }

  @Test
  void namesAtThe54CharLimit() {
    String component = "a".repeat(50); // + "-app" = 54 exactly
    ComponentManifests m = build(nodejs(component), Platform.KUBERNETES);
    String name = component + "-app";
    assertThat(name).hasSize(54);
    assertThat(m.workload().getMetadata().getName()).isEqualTo(name);
    assertThat(m.s2iDataPvc().getMetadata().getName()).isEqualTo(name + "-s2idata").hasSize(62);
    assertThat(m.secrets().get(0).getMetadata().getName()).isEqualTo(name + "-8080");
    assertThat(container(m.podTemplate().getSpec(), name)).isNotNull();
    assertThat(m.secrets().get(0).getStringData())
        .containsKey("COMPONENT_" + "A".repeat(50) + "_HOST");
  }

  @Test
  void longerNamesAreCutTo54LikeOdo() {
    String component = "b".repeat(60);
    ComponentManifests m = build(nodejs(component), Platform.KUBERNETES);
    assertThat(m.workload().getMetadata().getName()).isEqualTo("b".repeat(54));
    assertThat(m.workload().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/instance", component);
  }

  @Test
  void cutEndingInDashIsRejected() {
    String component = "c".repeat(53) + "-x"; // cut leaves "ccc…c-"
    assertThatThrownBy(() -> build(nodejs(component), Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("not a valid name");
  }

  @Test
  void invalidAndTooLongComponentNames() {
    assertThatThrownBy(() -> build(nodejs("My_App"), Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("component name 'My_App' is not valid");
    assertThatThrownBy(() -> build(nodejs("d".repeat(64)), Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("at most 63");
    assertThatThrownBy(() -> build(nodejs(null), Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("has no name");
  }

  @Test
  void localSourceGetsBackupDirBinaryDoesNot() {
    ComponentSettings local = nodejs("web");
    local.sourceType = null; // local by default
    assertThat(env(container(build(local, Platform.KUBERNETES).podTemplate().getSpec(), "web-app")))
        .containsEntry("ODO_SRC_BACKUP_DIR", "/opt/app-root/src-backup");

    ComponentSettings binary = nodejs("web");
    binary.sourceType = SourceType.BINARY;
    assertThat(
            env(container(build(binary, Platform.KUBERNETES).podTemplate().getSpec(), "web-app")))
        .doesNotContainKey("ODO_SRC_BACKUP_DIR")
        .containsKey("ODO_S2I_BUILDER_IMG");
  }

  @Test
  void userEnvCannotDuplicateButS2iNamesAreOverwrittenInPlace() {
    ComponentSettings s = nodejs("web");
    s.envs = List.of(new EnvSetting("ODO_S2I_SRC_BIN_PATH", "/x"), new EnvSetting("A", "1"));
    Map<String, String> env =
        env(container(build(s, Platform.KUBERNETES).podTemplate().getSpec(), "web-app"));
    assertThat(env.keySet()).startsWith("ODO_S2I_SRC_BIN_PATH", "A", "DEBUG_PORT");
    assertThat(env).containsEntry("ODO_S2I_SRC_BIN_PATH", "/tmp");

    s.envs = List.of(new EnvSetting("A", "1"), new EnvSetting("A", "2"));
    assertThatThrownBy(() -> build(s, Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("'A' is set twice");
  }

  @Test
  void initImageChoice() {
    ComponentSettings s = nodejs("web");
    var type = ComponentCatalog.builtIn().resolve("nodejs");
    String fromEnv =
        initContainer(
                new ManifestBuilder(s, type, Platform.KUBERNETES)
                    .environment(
                        k -> k.equals("ODO_BOOTSTRAPPER_IMAGE") ? "quay.io/x/init:1" : null)
                    .build()
                    .podTemplate()
                    .getSpec(),
                "copy-supervisord")
            .getImage();
    assertThat(fromEnv).isEqualTo("quay.io/x/init:1");
    String option =
        initContainer(
                new ManifestBuilder(s, type, Platform.KUBERNETES)
                    .environment(k -> "quay.io/x/init:1")
                    .initImage("quay.io/y/init:2")
                    .build()
                    .podTemplate()
                    .getSpec(),
                "copy-supervisord")
            .getImage();
    assertThat(option).isEqualTo("quay.io/y/init:2");
    var sandbox = build(s, Platform.SANDBOX).podTemplate().getSpec();
    assertThat(initContainer(sandbox, "copy-supervisord").getImage())
        .isEqualTo("localhost/deckhand/odo-init:latest");
    assertThat(container(sandbox, "web-app").getImage())
        .isEqualTo("localhost/deckhand/nodejs-builder:latest");
  }

  @Test
  void urlWithoutPorts() {
    ComponentSettings s = nodejs("web");
    s.ports = null;
    s.urls = List.of(new UrlSetting("site", 8080, null));
    assertThatThrownBy(() -> build(s, Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "URL 'site' points to port 8080, but the component has no ports; add the port to Ports first");
  }

  @Test
  void urlPortNotAmongPorts() {
    ComponentSettings s = nodejs("web");
    s.urls = List.of(new UrlSetting("site", 3000, null));
    assertThatThrownBy(() -> build(s, Platform.OPENSHIFT))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "URL 'site' points to port 3000, which is not one of the component's ports (8080/TCP)");
  }

  @Test
  void badPortAndQuantity() {
    ComponentSettings s = nodejs("web");
    s.ports = List.of("http");
    assertThatThrownBy(() -> build(s, Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("Ports[0]: 'http' is not a port");
    ComponentSettings q = nodejs("web");
    q.maxMemory = "lots";
    assertThatThrownBy(() -> build(q, Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("MaxMemory: 'lots' is not a quantity");
  }

  @Test
  void noPortsMeansNoServiceNorSecrets() {
    ComponentSettings s = nodejs("worker");
    s.ports = List.of();
    ComponentManifests m = build(s, Platform.KUBERNETES);
    assertThat(m.service()).isEmpty();
    assertThat(m.secrets()).isEmpty();
    assertThat(container(m.podTemplate().getSpec(), "worker-app").getPorts()).isEmpty();
  }

  @Test
  void dcNeedsOpenShiftAndSandboxNeedsAnImage() {
    assertThatThrownBy(
            () ->
                new ManifestBuilder(
                        nodejs("web"),
                        ComponentCatalog.builtIn().resolve("nodejs"),
                        Platform.KUBERNETES)
                    .workloadKind(WorkloadKind.DEPLOYMENT_CONFIG)
                    .build())
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("DeploymentConfig needs OpenShift");
    assertThatThrownBy(
            () ->
                new ManifestBuilder(
                        nodejs("web"), ComponentCatalog.builtIn().resolve("java"), Platform.SANDBOX)
                    .build())
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("'java' has no sandbox image");
  }

  @Test
  void gitSourceIsRejected() {
    ComponentSettings s = nodejs("web");
    s.sourceType = SourceType.GIT;
    assertThatThrownBy(() -> build(s, Platform.KUBERNETES))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("SourceType git");
  }

  @Test
  void isSubDirLikeOdo() {
    assertThat(PodTemplateFactory.isSubDir("/opt/app-root", "/opt/app-root")).isTrue();
    assertThat(PodTemplateFactory.isSubDir("/opt/app-root", "/opt/app-root/src/")).isTrue();
    assertThat(PodTemplateFactory.isSubDir("/opt/app-root", "/opt/app-root-x")).isFalse();
    assertThat(PodTemplateFactory.isSubDir("/opt/app-root", "/deployments")).isFalse();
  }
}
