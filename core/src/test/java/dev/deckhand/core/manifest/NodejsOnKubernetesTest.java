package dev.deckhand.core.manifest;

import static dev.deckhand.core.manifest.ManifestAssertions.assertMeta;
import static dev.deckhand.core.manifest.ManifestAssertions.container;
import static dev.deckhand.core.manifest.ManifestAssertions.entries;
import static dev.deckhand.core.manifest.ManifestAssertions.env;
import static dev.deckhand.core.manifest.ManifestAssertions.initContainer;
import static dev.deckhand.core.manifest.ManifestAssertions.mounts;
import static dev.deckhand.core.manifest.ManifestAssertions.names;
import static dev.deckhand.core.manifest.ManifestAssertions.odoAnnotations;
import static dev.deckhand.core.manifest.ManifestAssertions.odoLabels;
import static dev.deckhand.core.manifest.ManifestAssertions.volumes;
import static dev.deckhand.core.manifest.ManifestAssertions.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.EnvSetting;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.config.StorageSetting;
import dev.deckhand.core.config.UrlSetting;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nodejs on plain Kubernetes: a Deployment with the catalog image, and an Ingress per URL. */
class NodejsOnKubernetesTest {
  static final String NAME = "nodejs-ex-app";
  static final String NS = "myproject";
  static final Map<String, String> LABELS = odoLabels("nodejs-ex", "app", "nodejs", "latest");
  static final Map<String, String> ANNOTATIONS = odoAnnotations("local");
  static final String IMAGE = "registry.access.redhat.com/ubi8/nodejs-16:latest";

  static ComponentSettings settings() {
    ComponentSettings s = new ComponentSettings();
    s.type = "nodejs";
    s.name = "nodejs-ex";
    s.project = NS;
    s.sourceLocation = "./";
    s.sourceType = SourceType.LOCAL;
    s.ports = List.of("8080/TCP", "9229");
    s.envs = List.of(new EnvSetting("NPM_RUN", "dev"), new EnvSetting("FOO", "bar"));
    s.storage = List.of(new StorageSetting("data", "2Gi", "/data"));
    s.urls = List.of(new UrlSetting("web", 8080, null));
    return s;
  }

  final ComponentManifests m =
      new ManifestBuilder(
              settings(), ComponentCatalog.builtIn().resolve("nodejs"), Platform.KUBERNETES)
          .environment(k -> null)
          .build();
  final Deployment d = m.deployment().orElseThrow();
  final PodSpec pod = d.getSpec().getTemplate().getSpec();

  @Test
  void objectsInApplyOrder() {
    assertThat(names(m.all().stream()))
        .containsExactly(
            "PersistentVolumeClaim/data-app-pvc",
            "Deployment/" + NAME,
            "Service/" + NAME,
            "Secret/" + NAME + "-8080",
            "Secret/" + NAME + "-9229",
            "PersistentVolumeClaim/" + NAME + "-s2idata",
            "Ingress/web-app");
    assertThat(m.workloadKind()).isEqualTo(WorkloadKind.DEPLOYMENT);
    assertThat(m.imageStream()).isEmpty();
    assertThat(m.routes()).isEmpty();
  }

  @Test
  void deployment() {
    assertThat(d.getApiVersion()).isEqualTo("apps/v1");
    assertMeta(d, "Deployment", NAME, NS, LABELS, ANNOTATIONS);
    assertThat(d.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(d.getSpec().getSelector().getMatchLabels())
        .containsExactlyEntriesOf(Map.of("deploymentconfig", NAME));
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsExactlyEntriesOf(Map.of("deploymentconfig", NAME));
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsExactlyEntriesOf(Map.of("alpha.image.policy.openshift.io/resolve-names", "*"));
  }

  @Test
  void volumesInOrder() {
    assertThat(volumes(pod))
        .containsExactly(
            "odo-supervisord-shared-data: emptyDir",
            NAME + "-s2idata: pvc " + NAME + "-s2idata",
            m.names().storageVolume("data") + ": pvc data-app-pvc");
    assertThat(m.names().storageVolume("data")).matches("data-app-pvc-[a-z]{5}-volume");
  }

  @Test
  void copyFilesToVolume() {
    assertThat(pod.getInitContainers())
        .extracting(Container::getName)
        .containsExactly("copy-files-to-volume", "copy-supervisord");
    Container c = initContainer(pod, "copy-files-to-volume");
    assertThat(c.getImage()).isEqualTo(IMAGE);
    assertThat(c.getCommand()).containsExactly("sh", "-c");
    assertThat(c.getArgs()).hasSize(1);
    String script = c.getArgs().get(0);
    assertThat(script)
        .contains("SRC=/opt/app-root")
        .contains("DEST=/mnt/app-root")
        .contains("$DEST/.delete-volume")
        .contains("$DEST/.sync-volume")
        .contains("rsync -ar --ignore-existing")
        .contains("tar -C \"$SRC\" -cf - . | tar -C \"$DEST.setup-volume\" -xf -")
        .contains("mv \"$DEST.setup-volume\" \"$DEST\"");
    assertThat(mounts(c)).containsExactly(NAME + "-s2idata -> /mnt");
  }

  @Test
  void copySupervisord() {
    Container c = initContainer(pod, "copy-supervisord");
    assertThat(c.getImage())
        .isEqualTo("registry.access.redhat.com/ocp-tools-4/odo-init-container-rhel8:1.1.5");
    assertThat(c.getCommand()).containsExactly("/usr/bin/cp");
    assertThat(c.getArgs()).containsExactly("-r", "/opt/odo-init/.", "/opt/odo/");
    assertThat(mounts(c)).containsExactly("odo-supervisord-shared-data -> /opt/odo/");
  }

  @Test
  void appContainer() {
    assertThat(pod.getContainers()).hasSize(1);
    Container c = container(pod, NAME);
    assertThat(c.getImage()).isEqualTo(IMAGE);
    assertThat(c.getCommand()).containsExactly("/opt/odo/bin/go-init");
    assertThat(c.getArgs())
        .containsExactly(
            "-pre",
            "/opt/odo/bin/s2i-setup",
            "-main",
            "/opt/odo/bin/supervisord -c /opt/app-root/conf/supervisor.conf");
    assertThat(c.getPorts())
        .extracting(p -> p.getName() + " " + p.getContainerPort() + " " + p.getProtocol())
        .containsExactly("8080-tcp 8080 TCP", "9229-tcp 9229 TCP");
    // nodejs has no deployments dir, so no "deployment" subPath mount
    assertThat(mounts(c))
        .containsExactly(
            "odo-supervisord-shared-data -> /opt/odo/",
            NAME + "-s2idata -> /opt/app-root [app-root]",
            m.names().storageVolume("data") + " -> /data");
    assertThat(c.getResources().getRequests()).isEmpty();
    assertThat(c.getResources().getLimits()).isEmpty();
  }

  @Test
  void envInOdoOrder() {
    assertThat(env(container(pod, NAME)))
        .containsExactlyEntriesOf(
            entries(
                "NPM_RUN", "dev",
                "FOO", "bar",
                "DEBUG_PORT", "5858",
                "ODO_S2I_SCRIPTS_URL", "/usr/libexec/s2i",
                "ODO_S2I_SCRIPTS_PROTOCOL", "image://",
                "ODO_S2I_SRC_BIN_PATH", "/tmp",
                "ODO_S2I_DEPLOYMENT_DIR", "",
                "ODO_S2I_WORKING_DIR", "/opt/app-root/src",
                "ODO_S2I_BUILDER_IMG", "ubi8/nodejs-16",
                "ODO_SRC_BACKUP_DIR", "/opt/app-root/src-backup"));
  }

  @Test
  void service() {
    Service svc = m.service().orElseThrow();
    assertMeta(svc, "Service", NAME, NS, LABELS, ANNOTATIONS);
    assertThat(svc.getSpec().getSelector())
        .containsExactlyEntriesOf(Map.of("deploymentconfig", NAME));
    List<ServicePort> ports = svc.getSpec().getPorts();
    assertThat(ports)
        .extracting(
            p -> p.getName() + " " + p.getPort() + " " + p.getProtocol() + " " + p.getTargetPort())
        .containsExactly(
            "8080-tcp 8080 TCP " + new IntOrString(8080),
            "9229-tcp 9229 TCP " + new IntOrString(9229));
    assertThat(svc.getSpec().getType()).isNull(); // ClusterIP by default
  }

  @Test
  void secretPerPort() {
    assertThat(m.secrets()).hasSize(2);
    Secret s = m.secrets().get(0);
    assertMeta(
        s, "Secret", NAME + "-8080", NS, LABELS, with(ANNOTATIONS, "component-port", "8080"));
    assertThat(s.getType()).isEqualTo("Opaque");
    assertThat(s.getStringData())
        .containsExactlyEntriesOf(
            entries("COMPONENT_NODEJS_EX_HOST", NAME, "COMPONENT_NODEJS_EX_PORT", "8080"));
    assertThat(m.secrets().get(1).getStringData())
        .containsEntry("COMPONENT_NODEJS_EX_PORT", "9229");
  }

  @Test
  void s2iDataPvc() {
    PersistentVolumeClaim pvc = m.s2iDataPvc();
    assertMeta(pvc, "PersistentVolumeClaim", NAME + "-s2idata", NS, LABELS, ANNOTATIONS);
    assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(pvc.getSpec().getResources().getRequests())
        .containsExactlyEntriesOf(Map.of("storage", new Quantity("1Gi")));
    assertThat(pvc.getSpec().getStorageClassName()).isNull();
  }

  @Test
  void storagePvc() {
    PersistentVolumeClaim pvc = m.storagePvcs().get(0);
    assertMeta(
        pvc,
        "PersistentVolumeClaim",
        "data-app-pvc",
        NS,
        with(LABELS, "app.kubernetes.io/storage-name", "data"),
        ANNOTATIONS);
    assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(pvc.getSpec().getResources().getRequests())
        .containsExactlyEntriesOf(Map.of("storage", new Quantity("2Gi")));
  }

  @Test
  void ingress() {
    Ingress ing = m.ingresses().get(0);
    assertThat(ing.getApiVersion()).isEqualTo("networking.k8s.io/v1");
    assertMeta(
        ing,
        "Ingress",
        "web-app",
        NS,
        with(LABELS, "odo.openshift.io/url-name", "web"),
        ANNOTATIONS);
    HTTPIngressPath path = ing.getSpec().getRules().get(0).getHttp().getPaths().get(0);
    assertThat(path.getPath()).isEqualTo("/");
    assertThat(path.getPathType()).isEqualTo("Prefix");
    assertThat(path.getBackend().getService().getName()).isEqualTo(NAME);
    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8080);
  }

  @Test
  void ownerReferencesOnlyWithUid() {
    assertThat(m.all()).allSatisfy(o -> assertThat(o.getMetadata().getOwnerReferences()).isEmpty());

    ComponentManifests owned =
        new ManifestBuilder(
                settings(), ComponentCatalog.builtIn().resolve("nodejs"), Platform.KUBERNETES)
            .ownerUid("uid-123")
            .build();
    assertThat(owned.workload().getMetadata().getOwnerReferences()).isEmpty();
    assertThat(owned.storagePvcs().get(0).getMetadata().getOwnerReferences()).isEmpty();
    List<io.fabric8.kubernetes.api.model.HasMetadata> ownedObjects =
        new java.util.ArrayList<>(owned.secrets());
    ownedObjects.add(owned.service().orElseThrow());
    ownedObjects.add(owned.s2iDataPvc());
    ownedObjects.addAll(owned.ingresses());
    assertThat(ownedObjects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(r.getApiVersion()).isEqualTo("apps/v1");
                          assertThat(r.getKind()).isEqualTo("Deployment");
                          assertThat(r.getName()).isEqualTo(NAME);
                          assertThat(r.getUid()).isEqualTo("uid-123");
                        }));
  }
}
