package dev.deckhand.sandbox.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.api.Flavour;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentControllerTest {
  private Sandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    sandbox = new Sandbox(Flavour.KUBERNETES);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  static Deployment deployment(String name, String image) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("deploymentconfig", name)
        .endSelector()
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("deploymentconfig", name)
        .addToLabels("app", "demo")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .withImage(image)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private Deployment get(String name) {
    return sandbox.client.apps().deployments().inNamespace("default").withName(name).get();
  }

  private Pod onlyPod() {
    return Sandbox.eventually(
        () -> {
          List<Pod> pods = sandbox.pods();
          return pods.size() == 1 ? pods.get(0) : null;
        });
  }

  @Test
  void createsOnePodWithTheTemplateLabelsAndAnOwnerReference() {
    Deployment d =
        sandbox.client.apps().deployments().resource(deployment("web", "busybox")).create();

    Pod pod = onlyPod();

    assertThat(pod.getMetadata().getName())
        .matches("web-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("deploymentconfig", "web")
        .containsEntry("app", "demo")
        .containsKey("pod-template-hash");
    assertThat(pod.getMetadata().getName())
        .startsWith("web-" + pod.getMetadata().getLabels().get("pod-template-hash") + "-");
    assertThat(pod.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getKind()).isEqualTo("Deployment");
              assertThat(ref.getApiVersion()).isEqualTo("apps/v1");
              assertThat(ref.getUid()).isEqualTo(d.getMetadata().getUid());
              assertThat(ref.getController()).isTrue();
            });
    assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox");
    assertThat(pod.getSpec().getNodeName()).as("scheduling is the kubelet's job").isNull();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                sandbox.eventsAbout("web").stream()
                    .anyMatch(e -> "SuccessfulCreate".equals(e.getReason())));
  }

  @Test
  void statusFollowsThePods() {
    sandbox.client.apps().deployments().resource(deployment("web", "busybox")).create();
    Pod pod = onlyPod();
    Deployment before =
        Sandbox.eventually(
            () -> {
              Deployment d = get("web");
              return d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getReplicas())
                  ? d
                  : null;
            });
    assertThat(before.getStatus().getReadyReplicas()).isNull();
    assertThat(before.getStatus().getUnavailableReplicas()).isEqualTo(1);
    assertThat(before.getStatus().getObservedGeneration())
        .isEqualTo(before.getMetadata().getGeneration());
    assertThat(before.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Available");
              assertThat(c.getStatus()).isEqualTo("False");
            });

    sandbox.markReady(pod);

    Deployment after =
        Sandbox.eventually(
            () -> {
              Deployment d = get("web");
              return Integer.valueOf(1).equals(d.getStatus().getReadyReplicas()) ? d : null;
            });
    assertThat(after.getStatus().getAvailableReplicas()).isEqualTo(1);
    assertThat(after.getStatus().getUpdatedReplicas()).isEqualTo(1);
    assertThat(after.getStatus().getUnavailableReplicas()).isNull();
    assertThat(after.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Available");
              assertThat(c.getStatus()).isEqualTo("True");
            })
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Progressing");
              assertThat(c.getReason()).isEqualTo("NewReplicaSetAvailable");
            });
  }

  @Test
  void aTemplateChangeDeletesTheOldPodBeforeTheNewOneExists() {
    sandbox.client.apps().deployments().resource(deployment("web", "busybox")).create();
    Pod old = onlyPod();
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch watch =
        sandbox
            .client
            .pods()
            .inNamespace("default")
            .watch(
                new Watcher<Pod>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    seen.add(action + " " + pod.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      sandbox
          .client
          .apps()
          .deployments()
          .inNamespace("default")
          .withName("web")
          .edit(
              d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("busybox:2");
                return d;
              });

      Pod fresh =
          Sandbox.eventually(
              () -> {
                List<Pod> pods = sandbox.pods();
                return pods.size() == 1
                        && !pods.get(0).getMetadata().getName().equals(old.getMetadata().getName())
                    ? pods.get(0)
                    : null;
              });
      assertThat(fresh.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox:2");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> seen.contains("ADDED " + fresh.getMetadata().getName()));
      assertThat(seen.indexOf("DELETED " + old.getMetadata().getName()))
          .isNotNegative()
          .isLessThan(seen.indexOf("ADDED " + fresh.getMetadata().getName()));
    }
  }

  @Test
  void scalingToZeroLeavesNoPods() {
    sandbox.client.apps().deployments().resource(deployment("web", "busybox")).create();
    onlyPod();

    sandbox.client.apps().deployments().inNamespace("default").withName("web").scale(0);

    await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.pods().isEmpty());
    Deployment d =
        Sandbox.eventually(
            () -> {
              Deployment x = get("web");
              return x.getStatus() != null
                      && x.getStatus().getReplicas() == null
                      && x.getMetadata()
                          .getGeneration()
                          .equals(x.getStatus().getObservedGeneration())
                  ? x
                  : null;
            });
    assertThat(d.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Available");
              assertThat(c.getStatus()).isEqualTo("True");
            });
  }

  @Test
  void restartedControllersAdoptExistingPodsInsteadOfDuplicatingThem() throws Exception {
    sandbox.client.apps().deployments().resource(deployment("web", "busybox")).create();
    Pod pod = onlyPod();

    sandbox.restartControllers();
    Thread.sleep(1000);

    assertThat(sandbox.pods())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly(pod.getMetadata().getName());
  }
}
