package dev.deckhand.sandbox.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One container as {@code podman ps -a --format json} reports it. */
record ContainerSnapshot(
    String id,
    String podUid,
    String container,
    boolean init,
    String state,
    int exitCode,
    Instant startedAt,
    Instant exitedAt,
    String imageId) {

  private static final ObjectMapper JSON = new ObjectMapper();

  boolean running() {
    return state.equals("running");
  }

  boolean exited() {
    return state.equals("exited") || state.equals("stopped");
  }

  static List<ContainerSnapshot> parse(String json) throws IOException {
    List<ContainerSnapshot> out = new ArrayList<>();
    if (json.isBlank()) {
      return out;
    }
    for (JsonNode c : JSON.readTree(json)) {
      JsonNode labels = c.path("Labels");
      String uid = labels.path(PodmanNames.LABEL_POD_UID).asText("");
      String name = labels.path(PodmanNames.LABEL_CONTAINER).asText("");
      if (uid.isEmpty() || name.isEmpty() || c.path("IsInfra").asBoolean(false)) {
        continue;
      }
      out.add(
          new ContainerSnapshot(
              c.path("Id").asText(),
              uid,
              name,
              labels.path(PodmanNames.LABEL_INIT).asText("false").equals("true"),
              c.path("State").asText("unknown"),
              c.path("ExitCode").asInt(0),
              epoch(c.path("StartedAt").asLong(0)),
              epoch(c.path("ExitedAt").asLong(0)),
              c.path("ImageID").asText("")));
    }
    return out;
  }

  private static Instant epoch(long seconds) {
    // podman reports 0 or a negative year-1 value for "never".
    return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
  }
}
