package dev.deckhand.sandbox.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.sandbox.api.Flavour;
import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
  private Sandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    sandbox = new Sandbox(Flavour.KUBERNETES);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void aRepeatedEventIsCountedNotDuplicated() {
    ConfigMap subject =
        sandbox
            .client
            .configMaps()
            .resource(
                new ConfigMapBuilder().withNewMetadata().withName("subject").endMetadata().build())
            .create();
    EventRecorder recorder = new EventRecorder(sandbox.client, "kubelet", "deckhand-sandbox");

    recorder.warning(subject, "BackOff", "Back-off restarting failed container");
    recorder.warning(subject, "BackOff", "Back-off restarting failed container");
    recorder.warning(subject, "BackOff", "Back-off restarting failed container");
    recorder.normal(subject, "Pulled", "Container image \"busybox\" already present on machine");

    List<Event> events = sandbox.eventsAbout("subject");
    assertThat(events).hasSize(2);
    Event backOff =
        events.stream().filter(e -> "BackOff".equals(e.getReason())).findFirst().orElseThrow();
    assertThat(backOff.getCount()).isEqualTo(3);
    assertThat(backOff.getType()).isEqualTo("Warning");
    assertThat(backOff.getSource().getComponent()).isEqualTo("kubelet");
    assertThat(backOff.getSource().getHost()).isEqualTo("deckhand-sandbox");
    assertThat(backOff.getFirstTimestamp()).isNotNull();
    assertThat(backOff.getLastTimestamp()).isGreaterThanOrEqualTo(backOff.getFirstTimestamp());
    assertThat(backOff.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
    assertThat(backOff.getInvolvedObject().getApiVersion()).isEqualTo("v1");
    assertThat(backOff.getInvolvedObject().getUid()).isEqualTo(subject.getMetadata().getUid());
    assertThat(backOff.getInvolvedObject().getNamespace()).isEqualTo("default");
    assertThat(backOff.getMetadata().getNamespace()).isEqualTo("default");
  }
}
