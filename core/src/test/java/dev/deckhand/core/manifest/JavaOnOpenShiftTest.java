package dev.deckhand.core.manifest;

import static dev.deckhand.core.manifest.ManifestAssertions.assertMeta;
import static dev.deckhand.core.manifest.ManifestAssertions.container;
import static dev.deckhand.core.manifest.ManifestAssertions.entries;
import static dev.deckhand.core.manifest.ManifestAssertions.env;
import static dev.deckhand.core.manifest.ManifestAssertions.initContainer;
import static dev.deckhand.core.manifest.ManifestAssertions.mounts;
import static dev.deckhand.core.manifest.ManifestAssertions.names;
import static dev.deckhand.core.manifest.ManifestAssertions.odoLabels;
import static dev.deckhand.core.manifest.ManifestAssertions.volumes;
import static dev.deckhand.core.manifest.ManifestAssertions.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.config.UrlSetting;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.DeploymentTriggerImageChangeParams;
import io.fabric8.openshift.api.model.DeploymentTriggerPolicy;
import io.fabric8.openshift.api.model.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * java (binary) on OpenShift as odo 1.x makes it: a DeploymentConfig with placeholder images filled
 * by an ImageChange trigger, the deployments-dir mount, an ImageStream and Routes.
 */
class JavaOnOpenShiftTest {
  static final String NAME = "backend-shop";
  static final String NS = "dev";
  static final Map<String, String> LABELS = odoLabels("backend", "shop", "java", "11");

  static ComponentSettings settings() {
    ComponentSettings s = new ComponentSettings();
    s.type = "java:11";
    s.name = "backend";
    s.application = "shop";
    s.project = NS;
    s.sourceLocation = "target/app.jar";
    s.sourceType = SourceType.BINARY;
    s.ports = List.of("8080/TCP", "8443/TCP", "8778/TCP");
    s.debugPort = 5005;
    s.minMemory = "256Mi";
    s.maxMemory = "512Mi";
    s.minCpu = "0.5";
    s.maxCpu = "1";
    s.urls = List.of(new UrlSetting("api", 8080, null), new UrlSetting("secure", 8443, true));
    return s;
  }

  static final Map<String, String> ANNOTATIONS =
      entries(
          "app.openshift.io/vcs-uri",
          "file://target/app.jar",
          "app.kubernetes.io/component-source-type",
          "binary");

  final ComponentManifests m =
      new ManifestBuilder(
              settings(), ComponentCatalog.builtIn().resolve("java:11"), Platform.OPENSHIFT)
          .workloadKind(WorkloadKind.DEPLOYMENT_CONFIG)
          .initImage("quay.io/me/odo-init:dev")
          .build();
  final DeploymentConfig dc = m.deploymentConfig().orElseThrow();
  final PodSpec pod = dc.getSpec().getTemplate().getSpec();

  @Test
  void objectsInApplyOrder() {
    assertThat(names(m.all().stream()))
        .containsExactly(
            "ImageStream/" + NAME,
            "DeploymentConfig/" + NAME,
            "Service/" + NAME,
            "Secret/" + NAME + "-8080",
            "Secret/" + NAME + "-8443",
            "Secret/" + NAME + "-8778",
            "PersistentVolumeClaim/" + NAME + "-s2idata",
            "Route/api-shop",
            "Route/secure-shop");
    assertThat(m.ingresses()).isEmpty();
  }

  @Test
  void imageStream() {
    var is = m.imageStream().orElseThrow();
    assertThat(is.getApiVersion()).isEqualTo("image.openshift.io/v1");
    assertMeta(is, "ImageStream", NAME, NS, LABELS, ANNOTATIONS);
    assertThat(is.getSpec().getTags()).isEmpty();
  }

  @Test
  void deploymentConfig() {
    assertThat(dc.getApiVersion()).isEqualTo("apps.openshift.io/v1");
    assertMeta(dc, "DeploymentConfig", NAME, NS, LABELS, ANNOTATIONS);
    assertThat(dc.getSpec().getReplicas()).isEqualTo(1);
    assertThat(dc.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(dc.getSpec().getSelector())
        .containsExactlyEntriesOf(Map.of("deploymentconfig", NAME));
    assertThat(dc.getSpec().getTemplate().getMetadata().getLabels())
        .containsExactlyEntriesOf(Map.of("deploymentconfig", NAME));
    assertThat(dc.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsExactlyEntriesOf(Map.of("alpha.image.policy.openshift.io/resolve-names", "*"));
  }

  @Test
  void triggers() {
    List<DeploymentTriggerPolicy> triggers = dc.getSpec().getTriggers();
    assertThat(triggers)
        .extracting(DeploymentTriggerPolicy::getType)
        .containsExactly("ConfigChange", "ImageChange");
    DeploymentTriggerImageChangeParams p = triggers.get(1).getImageChangeParams();
    assertThat(p.getAutomatic()).isTrue();
    assertThat(p.getContainerNames()).containsExactly(NAME, "copy-files-to-volume");
    assertThat(p.getFrom().getKind()).isEqualTo("ImageStreamTag");
    assertThat(p.getFrom().getName()).isEqualTo("java:11");
    assertThat(p.getFrom().getNamespace()).isEqualTo("openshift");
  }

  @Test
  void containersUsePlaceholderImage() {
    assertThat(initContainer(pod, "copy-files-to-volume").getImage()).isEqualTo(" ");
    assertThat(container(pod, NAME).getImage()).isEqualTo(" ");
    assertThat(initContainer(pod, "copy-supervisord").getImage())
        .isEqualTo("quay.io/me/odo-init:dev");
  }

  @Test
  void volumesAndMounts() {
    assertThat(volumes(pod))
        .containsExactly(
            "odo-supervisord-shared-data: emptyDir", NAME + "-s2idata: pvc " + NAME + "-s2idata");
    assertThat(mounts(container(pod, NAME)))
        .containsExactly(
            "odo-supervisord-shared-data -> /opt/odo/",
            NAME + "-s2idata -> /opt/app-root [app-root]",
            NAME + "-s2idata -> /deployments [deployment]");
  }

  @Test
  void envForBinaryHasNoBackupDir() {
    assertThat(env(container(pod, NAME)))
        .containsExactlyEntriesOf(
            entries(
                "DEBUG_PORT", "5005",
                "ODO_S2I_SCRIPTS_URL", "/usr/local/s2i",
                "ODO_S2I_SCRIPTS_PROTOCOL", "image://",
                "ODO_S2I_SRC_BIN_PATH", "/tmp",
                "ODO_S2I_DEPLOYMENT_DIR", "/deployments",
                "ODO_S2I_WORKING_DIR", "/home/jboss",
                "ODO_S2I_BUILDER_IMG", "ubi8/openjdk-11"));
  }

  @Test
  void resources() {
    Container c = container(pod, NAME);
    assertThat(c.getResources().getRequests())
        .containsExactlyEntriesOf(entriesQ("cpu", "0.5", "memory", "256Mi"));
    assertThat(c.getResources().getLimits())
        .containsExactlyEntriesOf(entriesQ("cpu", "1", "memory", "512Mi"));
  }

  @Test
  void routes() {
    Route plain = m.routes().get(0);
    assertThat(plain.getApiVersion()).isEqualTo("route.openshift.io/v1");
    assertMeta(
        plain,
        "Route",
        "api-shop",
        NS,
        with(LABELS, "odo.openshift.io/url-name", "api"),
        ANNOTATIONS);
    assertThat(plain.getSpec().getTo().getKind()).isEqualTo("Service");
    assertThat(plain.getSpec().getTo().getName()).isEqualTo(NAME);
    assertThat(plain.getSpec().getPort().getTargetPort()).isEqualTo(new IntOrString(8080));
    assertThat(plain.getSpec().getTls()).isNull();
    assertThat(plain.getSpec().getHost()).isNull();

    Route secure = m.routes().get(1);
    assertThat(secure.getSpec().getPort().getTargetPort()).isEqualTo(new IntOrString(8443));
    assertThat(secure.getSpec().getTls().getTermination()).isEqualTo("edge");
    assertThat(secure.getSpec().getTls().getInsecureEdgeTerminationPolicy()).isEqualTo("Redirect");
  }

  @Test
  void secretKeys() {
    assertThat(m.secrets().get(2).getStringData())
        .containsExactlyEntriesOf(
            entries("COMPONENT_BACKEND_HOST", NAME, "COMPONENT_BACKEND_PORT", "8778"));
  }

  @Test
  void ownerReferencesPointAtTheDc() {
    ComponentManifests owned =
        new ManifestBuilder(
                settings(), ComponentCatalog.builtIn().resolve("java:11"), Platform.OPENSHIFT)
            .workloadKind(WorkloadKind.DEPLOYMENT_CONFIG)
            .ownerUid("dc-uid")
            .build();
    assertThat(owned.routes().get(0).getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getApiVersion()).isEqualTo("apps.openshift.io/v1");
              assertThat(r.getKind()).isEqualTo("DeploymentConfig");
              assertThat(r.getName()).isEqualTo(NAME);
              assertThat(r.getUid()).isEqualTo("dc-uid");
            });
    assertThat(owned.imageStream().orElseThrow().getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void deploymentOnOpenShiftPullsThroughInternalRegistry() {
    ComponentManifests dm =
        new ManifestBuilder(
                settings(), ComponentCatalog.builtIn().resolve("java:11"), Platform.OPENSHIFT)
            .build();
    Deployment d = dm.deployment().orElseThrow();
    String image = "image-registry.openshift-image-registry.svc:5000/openshift/java:11";
    PodSpec p = d.getSpec().getTemplate().getSpec();
    assertThat(container(p, NAME).getImage()).isEqualTo(image);
    assertThat(initContainer(p, "copy-files-to-volume").getImage()).isEqualTo(image);
    assertThat(d.getMetadata().getAnnotations())
        .containsEntry(
            "image.openshift.io/triggers",
            "[{\"from\":{\"kind\":\"ImageStreamTag\",\"name\":\"java:11\",\"namespace\":\"openshift\"},"
                + "\"fieldPath\":\"spec.template.spec.containers[?(@.name==\\\""
                + NAME
                + "\\\")].image\"}]");
    assertThat(dm.imageStream()).isEmpty();
    assertThat(dm.routes()).hasSize(2);
  }

  private static Map<String, Quantity> entriesQ(String k1, String v1, String k2, String v2) {
    Map<String, Quantity> m = new java.util.LinkedHashMap<>();
    m.put(k1, new Quantity(v1));
    m.put(k2, new Quantity(v2));
    return m;
  }
}
