package dev.deckhand.sandbox.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what sandboxes whose process was killed left in podman: pods, containers and emptyDir
 * volumes labelled with an owner ({@link ProcessOwner}) that no longer runs. Objects of running
 * sandboxes (another terminal's, the window's, a concurrent test run's), objects without an owner
 * label, and PVC volumes (a sandbox's persistent data, kept as PVs are) stay. Every sandbox runs it
 * at start; {@code scripts/prune-sandbox-leftovers.sh} does the same from a shell.
 */
public final class LeftoverPruner {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPruner.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANY_SANDBOX = "label=" + PodmanNames.LABEL + "=true";

  private LeftoverPruner() {}

  /** Returns what it removed, as "pod NAME", "container NAME", "volume NAME". */
  public static List<String> pruneDeadOwners(PodmanCli podman) throws IOException {
    List<String> removed = new ArrayList<>();
    // Listing by the common label is only a narrowing; each object's owner is checked here.
    for (JsonNode pod : list(podman, List.of("pod", "ps", "--filter", ANY_SANDBOX))) {
      if (deadOwner(pod)) {
        String name = pod.path("Name").asText();
        if (podman.run(List.of("pod", "rm", "-f", "-t", "0", pod.path("Id").asText()), 60).ok()) {
          removed.add("pod " + name);
        }
      }
    }
    for (JsonNode c : list(podman, List.of("ps", "-a", "--filter", ANY_SANDBOX))) {
      if (deadOwner(c)) {
        String name = c.path("Names").path(0).asText(c.path("Id").asText());
        if (podman.run(List.of("rm", "-f", "-t", "0", c.path("Id").asText()), 60).ok()) {
          removed.add("container " + name);
        }
      }
    }
    for (JsonNode v : list(podman, List.of("volume", "ls", "--filter", ANY_SANDBOX))) {
      boolean emptyDir =
          "emptyDir".equals(v.path("Labels").path(PodmanNames.LABEL_VOLUME_KIND).asText());
      if (emptyDir && deadOwner(v)) {
        String name = v.path("Name").asText();
        if (podman.run(List.of("volume", "rm", "-f", name), 60).ok()) {
          removed.add("volume " + name);
        }
      }
    }
    if (!removed.isEmpty()) {
      LOG.info("removed leftovers of sandboxes that no longer run: {}", removed);
    }
    return removed;
  }

  private static boolean deadOwner(JsonNode object) {
    return ProcessOwner.isDead(object.path("Labels").path(ProcessOwner.LABEL).asText(null));
  }

  private static JsonNode list(PodmanCli podman, List<String> command) throws IOException {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--format", "json"));
    String json = podman.check(args, 60);
    return json.isBlank() ? JSON.createArrayNode() : JSON.readTree(json);
  }
}
