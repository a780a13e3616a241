package dev.deckhand.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Editors read the app's checked state from the JSON lines, typed, without parsing messages. */
class EventJsonAppStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-12-07T04:00:00Z");

  @Test
  void theReadyStagesCheckIsAnAppCheckedLine() throws Exception {
    JsonNode n =
        JSON.readTree(
            EventJson.line(
                new PushEvent.AppChecked(
                    T,
                    AppState.RESTARTING,
                    "http://127.0.0.1:3000",
                    "run BACKOFF exit status 1",
                    "restarted, but the app exits at start")));

    assertThat(n.get("type").asText()).isEqualTo("app-checked");
    assertThat(n.get("stage").asText()).isEqualTo(Stage.READY.id());
    assertThat(n.get("appState").asText()).isEqualTo("restarting");
    assertThat(n.get("url").asText()).isEqualTo("http://127.0.0.1:3000");
    assertThat(n.get("supervisorStatus").asText()).isEqualTo("run BACKOFF exit status 1");
    assertThat(n.get("message").asText()).isEqualTo("restarted, but the app exits at start");
  }

  @Test
  void pushFinishedCarriesTheAppStateOrNull() throws Exception {
    JsonNode checked =
        JSON.readTree(
            EventJson.line(
                new PushEvent.PushFinished(
                    T, true, Duration.ZERO, "s", null, 1, 2, 2, AppState.NOT_ANSWERING)));
    JsonNode unchecked =
        JSON.readTree(
            EventJson.line(
                new PushEvent.PushFinished(T, false, Duration.ZERO, "s", null, 0, 0, 0)));

    assertThat(checked.get("appState").asText()).isEqualTo("not-answering");
    assertThat(unchecked.get("appState").isNull()).isTrue();
    assertThat(
            new PushEvent.PushFinished(T, true, Duration.ZERO, "s", null, 1, 2, 2, AppState.STOPPED)
                .green())
        .isFalse();
  }
}
