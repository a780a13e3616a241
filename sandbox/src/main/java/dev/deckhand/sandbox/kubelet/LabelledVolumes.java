package dev.deckhand.sandbox.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists podman volumes by their labels. Podman 4.3 ORs repeated {@code --filter label=…} options on
 * {@code volume ls}, so "this sandbox AND emptyDir" would match every sandbox's emptyDir volumes
 * (and removing them kills other sandboxes' pods). So: one filter for podman, and every label is
 * checked here again, against what podman reports for each volume.
 */
final class LabelledVolumes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelledVolumes() {}

  /**
   * Names of the volumes labelled {@code key=value} (the one filter podman gets) that also carry
   * every one of {@code alsoRequired}.
   */
  static List<String> matching(
      PodmanCli podman, String key, String value, Map<String, String> alsoRequired)
      throws IOException {
    String json =
        podman.check(
            List.of("volume", "ls", "--filter", "label=" + key + "=" + value, "--format", "json"),
            60);
    Map<String, String> labels = new java.util.HashMap<>(alsoRequired);
    labels.put(key, value);
    return select(json, labels);
  }

  /** The volumes of podman's JSON listing whose labels include all of {@code labels}. */
  static List<String> select(String json, Map<String, String> labels) throws IOException {
    List<String> names = new ArrayList<>();
    JsonNode all = json.isBlank() ? JSON.createArrayNode() : JSON.readTree(json);
    for (JsonNode volume : all) {
      JsonNode have = volume.path("Labels");
      boolean matches = true;
      for (Map.Entry<String, String> want : labels.entrySet()) {
        if (!want.getValue().equals(have.path(want.getKey()).asText(null))) {
          matches = false;
          break;
        }
      }
      if (matches && volume.hasNonNull("Name")) {
        names.add(volume.get("Name").asText());
      }
    }
    return names;
  }
}
