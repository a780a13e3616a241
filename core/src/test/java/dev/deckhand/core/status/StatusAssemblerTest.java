package dev.deckhand.core.status;

import static dev.deckhand.core.status.Fixtures.APP_IMAGE;
import static dev.deckhand.core.status.Fixtures.INIT_IMAGE;
import static dev.deckhand.core.status.Fixtures.NAME;
import static dev.deckhand.core.status.Fixtures.NAMES;
import static dev.deckhand.core.status.Fixtures.NS;
import static dev.deckhand.core.status.Fixtures.claim;
import static dev.deckhand.core.status.Fixtures.crashLooping;
import static dev.deckhand.core.status.Fixtures.deployment;
import static dev.deckhand.core.status.Fixtures.event;
import static dev.deckhand.core.status.Fixtures.objects;
import static dev.deckhand.core.status.Fixtures.pod;
import static dev.deckhand.core.status.Fixtures.running;
import static dev.deckhand.core.status.Fixtures.terminated;
import static dev.deckhand.core.status.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.manifest.WorkloadKind;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.openshift.api.model.RouteBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatusAssemblerTest {

  private static ComponentStatus build(Pod... pods) {
    return StatusAssembler.build(
        NAMES,
        NS,
        objects(List.of(deployment()), List.of(pods), List.of(claim("Bound")), List.of()),
        Connection.CONNECTED);
  }

  @Test
  @DisplayName("nothing on the cluster is NOT_CREATED and says to push")
  void notCreated() {
    ComponentStatus s =
        StatusAssembler.build(NAMES, NS, ClusterObjects.empty(), Connection.CONNECTED);

    assertThat(s.exists()).isFalse();
    assertThat(s.health().state()).isEqualTo(HealthState.NOT_CREATED);
    assertThat(s.health().text())
        .isEqualTo("component shop-app not found in namespace dev; run deckhand push");
  }

  @Nested
  @DisplayName("init containers")
  class InitContainers {
    @Test
    @DisplayName("waiting with ImagePullBackOff: STARTING, names the container and the image")
    void imagePullBackOff() {
      Pod p =
          pod("shop-app-1")
              .editSpec()
              .withNodeName("node1")
              .endSpec()
              .editStatus()
              .withInitContainerStatuses(
                  waiting("copy-supervisord", INIT_IMAGE, "ImagePullBackOff", "Back-off pulling"),
                  waiting("copy-files-to-volume", APP_IMAGE, "PodInitializing", null))
              .endStatus()
              .build();

      ComponentStatus s = build(p);

      assertThat(s.health())
          .isEqualTo(
              new Health(
                  HealthState.STARTING,
                  "copy-supervisord: ImagePullBackOff (image " + INIT_IMAGE + ")"));
      ContainerView first = s.pod().initContainers().get(0);
      assertThat(first.name()).isEqualTo("copy-supervisord");
      assertThat(first.init()).isTrue();
      assertThat(first.state()).isEqualTo(ContainerState.WAITING);
      assertThat(first.reason()).isEqualTo("ImagePullBackOff");
      assertThat(first.message()).isEqualTo("Back-off pulling");
    }

    @Test
    @DisplayName("first done with exit 0, second running: STARTING, order kept, exit code shown")
    void secondRunning() {
      Pod p =
          pod("shop-app-1")
              .editSpec()
              .withNodeName("node1")
              .endSpec()
              .editStatus()
              .withInitContainerStatuses(
                  // the kubelet may report them in any order; the view follows the spec
                  running("copy-files-to-volume", APP_IMAGE, 0),
                  terminated("copy-supervisord", INIT_IMAGE, 0, "Completed"))
              .endStatus()
              .build();

      ComponentStatus s = build(p);

      assertThat(s.pod().initContainers())
          .extracting(ContainerView::name, ContainerView::state, ContainerView::exitCode)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("copy-supervisord", ContainerState.TERMINATED, 0),
              org.assertj.core.groups.Tuple.tuple(
                  "copy-files-to-volume", ContainerState.RUNNING, null));
      assertThat(s.pod().initContainers().get(0).finishedAt())
          .isEqualTo(Instant.parse("2024-05-01T10:00:02Z"));
      assertThat(s.health())
          .isEqualTo(
              new Health(HealthState.STARTING, "init container copy-files-to-volume running"));
      assertThat(s.pod().containers().get(0).state()).isEqualTo(ContainerState.UNKNOWN);
    }

    @Test
    @DisplayName("an init container exiting non-zero for the first time: FAILED with exit code")
    void initFailed() {
      Pod p =
          pod("shop-app-1")
              .editSpec()
              .withNodeName("node1")
              .endSpec()
              .editStatus()
              .withInitContainerStatuses(terminated("copy-supervisord", INIT_IMAGE, 2, "Error"))
              .endStatus()
              .build();

      assertThat(build(p).health())
          .isEqualTo(new Health(HealthState.FAILED, "copy-supervisord exited with code 2 (Error)"));
    }
  }

  @Nested
  @DisplayName("app container")
  class AppContainer {
    private Pod withApp(io.fabric8.kubernetes.api.model.ContainerStatus app) {
      return pod("shop-app-1")
          .editSpec()
          .withNodeName("node1")
          .endSpec()
          .editStatus()
          .withPhase("Running")
          .withStartTime("2024-05-01T10:00:00Z")
          .withInitContainerStatuses(
              terminated("copy-supervisord", INIT_IMAGE, 0, "Completed"),
              terminated("copy-files-to-volume", APP_IMAGE, 0, "Completed"))
          .withContainerStatuses(app)
          .addNewCondition()
          .withType("Ready")
          .withStatus("True")
          .endCondition()
          .endStatus()
          .build();
    }

    @Test
    @DisplayName("running: RUNNING with the URL, restarts, container id")
    void running() {
      ComponentStatus s = build(withApp(Fixtures.running(NAME, APP_IMAGE, 1)));

      assertThat(s.health()).isEqualTo(new Health(HealthState.RUNNING, "running (1 restart)"));
      ContainerView app = s.pod().containers().get(0);
      assertThat(app.state()).isEqualTo(ContainerState.RUNNING);
      assertThat(app.restartCount()).isEqualTo(1);
      assertThat(app.containerId()).isEqualTo("containerd://shop-app1");
      assertThat(app.startedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:05Z"));
      assertThat(s.pod().phase()).isEqualTo("Running");
      assertThat(s.pod().node()).isEqualTo("node1");
      assertThat(s.pod().uid()).isEqualTo("uid-shop-app-1");
      assertThat(s.pod().conditions()).isEqualTo("Ready=True");
      assertThat(s.workload()).isEqualTo(new WorkloadView(WorkloadKind.DEPLOYMENT, NAME, 0, 1));
    }

    @Test
    @DisplayName("CrashLoopBackOff: CRASH_LOOP with the last exit code and restarts")
    void crashLoop() {
      ComponentStatus s = build(withApp(crashLooping(NAME, 137, 4)));

      assertThat(s.health())
          .isEqualTo(
              new Health(
                  HealthState.CRASH_LOOP,
                  "shop-app: CrashLoopBackOff (last exit code 137, 4 restarts)"));
      assertThat(s.pod().containers().get(0).lastExitCode()).isEqualTo(137);
    }

    @Test
    @DisplayName("ImagePullBackOff of the app image: STARTING with the image")
    void appImagePull() {
      ComponentStatus s = build(withApp(waiting(NAME, APP_IMAGE, "ErrImagePull", "not found")));

      assertThat(s.health())
          .isEqualTo(
              new Health(HealthState.STARTING, "shop-app: ErrImagePull (image " + APP_IMAGE + ")"));
    }
  }

  @Nested
  @DisplayName("volumes and events")
  class Volumes {
    @Test
    @DisplayName("PVC pending with a ProvisioningFailed event: STARTING with the event's message")
    void pvcPending() {
      var events =
          List.of(
              event(
                  "e1",
                  "Normal",
                  "PersistentVolumeClaim",
                  "shop-app-s2idata",
                  "WaitForFirstConsumer",
                  "waiting",
                  "2024-05-01T10:00:00Z"),
              event(
                  "e2",
                  "Warning",
                  "PersistentVolumeClaim",
                  "shop-app-s2idata",
                  "ProvisioningFailed",
                  "no storage class is set and no volume is available",
                  "2024-05-01T10:00:03Z"),
              event(
                  "e3",
                  "Warning",
                  "Pod",
                  "other-pod",
                  "BackOff",
                  "not ours",
                  "2024-05-01T10:00:09Z"));
      Pod p =
          pod("shop-app-1")
              .editStatus()
              .addNewCondition()
              .withType("PodScheduled")
              .withStatus("False")
              .withReason("Unschedulable")
              .withMessage("pod has unbound immediate PersistentVolumeClaims")
              .endCondition()
              .endStatus()
              .build();

      ComponentStatus s =
          StatusAssembler.build(
              NAMES,
              NS,
              objects(List.of(deployment()), List.of(p), List.of(claim("Pending")), events),
              Connection.CONNECTED);

      assertThat(s.volumes())
          .containsExactly(
              new VolumeClaimView(
                  "shop-app-s2idata",
                  "Pending",
                  null,
                  "ProvisioningFailed: no storage class is set and no volume is available"));
      assertThat(s.health())
          .isEqualTo(
              new Health(
                  HealthState.STARTING,
                  "PVC shop-app-s2idata Pending: ProvisioningFailed: no storage class is set and"
                      + " no volume is available"));
      assertThat(s.warnings())
          .extracting(WarningEvent::reason, WarningEvent::involvedName)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ProvisioningFailed", "shop-app-s2idata"));
      assertThat(s.pod().conditions()).isEqualTo("PodScheduled=False (Unschedulable)");
      assertThat(s.pod().conditionMessage())
          .isEqualTo("pod has unbound immediate PersistentVolumeClaims");
    }

    @Test
    @DisplayName("unschedulable pod with a bound PVC: STARTING, not scheduled, with the reason")
    void unschedulable() {
      Pod p =
          pod("shop-app-1")
              .editStatus()
              .addNewCondition()
              .withType("PodScheduled")
              .withStatus("False")
              .withReason("Unschedulable")
              .withMessage("0/1 nodes are available: insufficient memory")
              .endCondition()
              .endStatus()
              .build();

      assertThat(build(p).health().text())
          .isEqualTo("pod shop-app-1 not scheduled: 0/1 nodes are available: insufficient memory");
    }
  }

  @Nested
  @DisplayName("pods and URL")
  class PodsAndUrl {
    @Test
    @DisplayName("the newest pod not being deleted is the current one; the others are listed")
    void newestPod() {
      Pod old =
          pod("shop-app-old")
              .editMetadata()
              .withCreationTimestamp("2024-05-01T09:00:00Z")
              .endMetadata()
              .build();
      Pod deleting =
          pod("shop-app-deleting")
              .editMetadata()
              .withCreationTimestamp("2024-05-01T11:00:00Z")
              .withDeletionTimestamp("2024-05-01T11:05:00Z")
              .endMetadata()
              .build();
      Pod current = pod("shop-app-new").build();

      ComponentStatus s = build(old, deleting, current);

      assertThat(s.pod().name()).isEqualTo("shop-app-new");
      assertThat(s.otherPods())
          .extracting(PodStatusView::name, PodStatusView::terminating)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("shop-app-deleting", true),
              org.assertj.core.groups.Tuple.tuple("shop-app-old", false));
    }

    @Test
    @DisplayName("URL: the deckhand.dev/url annotation wins over Route and Ingress hosts")
    void urlAnnotation() {
      var route =
          new RouteBuilder()
              .withNewMetadata()
              .withName("web-app")
              .withLabels(Fixtures.labels())
              .endMetadata()
              .withNewSpec()
              .withHost("web-app-dev.apps.example.com")
              .endSpec()
              .build();
      var ingress =
          new IngressBuilder()
              .withNewMetadata()
              .withName("web-app")
              .withLabels(Fixtures.labels())
              .endMetadata()
              .withNewSpec()
              .addNewRule()
              .withHost("web.example.com")
              .endRule()
              .endSpec()
              .build();
      var service =
          new ServiceBuilder()
              .withNewMetadata()
              .withName(NAME)
              .withLabels(Fixtures.labels())
              .withAnnotations(Map.of(StatusAssembler.URL_ANNOTATION, "http://127.0.0.1:40123"))
              .endMetadata()
              .build();

      assertThat(
              StatusAssembler.url(
                  NAMES,
                  new ClusterObjects(
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(service),
                      List.of(ingress),
                      List.of(route))))
          .isEqualTo("http://127.0.0.1:40123");
      assertThat(
              StatusAssembler.url(
                  NAMES,
                  new ClusterObjects(
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(ingress),
                      List.of(route))))
          .isEqualTo("http://web-app-dev.apps.example.com");
      assertThat(
              StatusAssembler.url(
                  NAMES,
                  new ClusterObjects(
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(ingress),
                      List.of())))
          .isEqualTo("http://web.example.com");
    }
  }

  @Test
  @DisplayName("JSON round trip keeps every field; timestamps are ISO strings")
  void json() {
    Pod p =
        pod("shop-app-1")
            .editStatus()
            .withInitContainerStatuses(terminated("copy-supervisord", INIT_IMAGE, 0, "Completed"))
            .endStatus()
            .build();
    ComponentStatus s = build(p);

    String json = ComponentStatusJson.toJson(s);

    assertThat(json)
        .contains("\"finishedAt\":\"2024-05-01T10:00:02Z\"")
        .contains("\"health\":{\"state\":\"STARTING\"")
        .contains("\"connection\":{\"state\":\"CONNECTED\",\"reason\":null}")
        .doesNotContain("\"exists\"")
        .doesNotContain("\"bound\"")
        .doesNotContain("\n");
    assertThat(ComponentStatusJson.fromJson(json)).isEqualTo(s);
  }
}
