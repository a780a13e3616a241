package dev.deckhand.core.status;

import static dev.deckhand.core.status.Fixtures.APP_IMAGE;
import static dev.deckhand.core.status.Fixtures.INIT_IMAGE;
import static dev.deckhand.core.status.Fixtures.NAME;
import static dev.deckhand.core.status.Fixtures.NAMES;
import static dev.deckhand.core.status.Fixtures.NS;
import static dev.deckhand.core.status.Fixtures.claim;
import static dev.deckhand.core.status.Fixtures.deployment;
import static dev.deckhand.core.status.Fixtures.objects;
import static dev.deckhand.core.status.Fixtures.pod;
import static dev.deckhand.core.status.Fixtures.running;
import static dev.deckhand.core.status.Fixtures.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, defect 12: a running container is not a running app. After a first push that failed
 * before assemble-and-restart, the snapshot says "container up, app not started", not "running".
 */
class AppMarkStatusTest {
  @Test
  void aContainerWhoseAppWasNeverStartedIsNotRunning() {
    ComponentStatus s = build(marked(AppMark.NOT_STARTED));

    assertThat(s.health().state()).isEqualTo(HealthState.APP_NOT_RUNNING);
    assertThat(s.health().text()).startsWith("container up, app not started");
    assertThat(s.workload().app()).isEqualTo(AppMark.NOT_STARTED);
  }

  @Test
  void anAppLeftDownByAFailedAssembleIsNotRunning() {
    ComponentStatus s = build(marked(AppMark.DOWN));

    assertThat(s.health().state()).isEqualTo(HealthState.APP_NOT_RUNNING);
    assertThat(s.health().text())
        .isEqualTo(
            "container up, app not running after the last push; see deckhand logs, fix it and"
                + " push");
  }

  @Test
  void theMarkIsInTheJsonOfStatus() {
    ComponentStatus s = build(marked(AppMark.NOT_STARTED));

    String json = ComponentStatusJson.toJson(s);

    assertThat(json).contains("\"app\":\"NOT_STARTED\"").contains("\"APP_NOT_RUNNING\"");
    assertThat(ComponentStatusJson.fromJson(json)).isEqualTo(s);
  }

  @Test
  void aStartedAppIsRunning() {
    assertThat(build(marked(AppMark.STARTED)).health())
        .isEqualTo(new Health(HealthState.RUNNING, "running"));
  }

  @Test
  void withoutAMarkOnlyTheContainerIsKnownAndItRuns() {
    // odo's own components and those pushed before the mark existed
    assertThat(build(deployment()).health()).isEqualTo(new Health(HealthState.RUNNING, "running"));
  }

  @Test
  void anUnknownMarkIsIgnored() {
    Deployment d =
        new DeploymentBuilder(deployment())
            .editMetadata()
            .withAnnotations(Map.of(AppMark.ANNOTATION, "sleeping"))
            .endMetadata()
            .build();
    assertThat(build(d).workload().app()).isNull();
  }

  private static Deployment marked(AppMark mark) {
    return new DeploymentBuilder(deployment())
        .editMetadata()
        .withAnnotations(Map.of(AppMark.ANNOTATION, mark.value()))
        .endMetadata()
        .build();
  }

  private static ComponentStatus build(Deployment d) {
    Pod p =
        pod("shop-app-1")
            .editSpec()
            .withNodeName("node1")
            .endSpec()
            .editStatus()
            .withPhase("Running")
            .withInitContainerStatuses(
                terminated("copy-supervisord", INIT_IMAGE, 0, "Completed"),
                terminated("copy-files-to-volume", APP_IMAGE, 0, "Completed"))
            .withContainerStatuses(running(NAME, APP_IMAGE, 0))
            .endStatus()
            .build();
    return StatusAssembler.build(
        NAMES,
        NS,
        objects(List.of(d), List.of(p), List.of(claim("Bound")), List.of()),
        Connection.CONNECTED);
  }
}
