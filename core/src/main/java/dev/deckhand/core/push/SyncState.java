package dev.deckhand.core.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deckhand.core.files.AtomicFiles;
import dev.deckhand.core.files.OdoFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which container the last confirmed push went into. What the container has is tied to (pod UID,
 * container ID, restart count): when any of them differs, /tmp/src may be empty and the next push
 * is a full one, whatever the index says.
 */
public record SyncState(
    String namespace,
    String workload,
    String pod,
    String podUid,
    String containerId,
    int restartCount) {

  static final String FILE = "deckhand-sync.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Path fileIn(Path root) {
    return root.resolve(".odo").resolve(FILE);
  }

  public static Optional<SyncState> read(Path root) {
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(fileIn(root)), SyncState.class));
    } catch (IOException | RuntimeException e) {
      // Missing or unreadable: we do not know what the container has, so the push is full.
      return Optional.empty();
    }
  }

  public void write(Path root) throws IOException {
    OdoFolder.prepare(root);
    AtomicFiles.write(fileIn(root), JSON.writeValueAsBytes(this), true);
  }

  public static void forget(Path root) throws IOException {
    Files.deleteIfExists(fileIn(root));
  }
}
