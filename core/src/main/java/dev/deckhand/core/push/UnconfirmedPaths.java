package dev.deckhand.core.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deckhand.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Paths a push sent that the committed index does not know, kept in {@code
 * .odo/deckhand-unconfirmed.json} from before the sync starts until a push is confirmed. A sync or
 * assemble that failed may have left them in the container; the next push treats them as possibly
 * present, so one deleted locally in between is deleted there too (else it would stay forever: the
 * index never listed it, so no diff ever reports it deleted).
 */
final class UnconfirmedPaths {
  static final String FILE = "deckhand-unconfirmed.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private UnconfirmedPaths() {}

  static Path fileIn(Path root) {
    return root.resolve(".odo").resolve(FILE);
  }

  /**
   * What earlier unconfirmed pushes sent; empty when none failed (or when the file is unreadable,
   * which an atomic replace never leaves behind).
   */
  static Set<String> read(Path root) {
    try {
      return new TreeSet<>(
          JSON.readValue(Files.readAllBytes(fileIn(root)), new TypeReference<List<String>>() {}));
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  /** Adds {@code sent} to what is recorded, durably, before any of it goes out. */
  static void add(Path root, Set<String> earlier, Collection<String> sent) throws IOException {
    if (earlier.containsAll(sent)) {
      return;
    }
    Set<String> all = new TreeSet<>(earlier);
    all.addAll(sent);
    Files.createDirectories(fileIn(root).getParent());
    AtomicFiles.write(fileIn(root), JSON.writeValueAsBytes(all), true);
  }

  /** The container confirmed a push and the index records what it has. */
  static void clear(Path root) throws IOException {
    Files.deleteIfExists(fileIn(root));
  }
}
