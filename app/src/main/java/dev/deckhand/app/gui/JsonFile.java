package dev.deckhand.app.gui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.deckhand.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the window's small JSON files in the user's config folder. Unreadable means absent (the
 * window must always open), unknown keys are skipped (a newer Deckhand may have written it), and
 * writes are atomic and owner-only (the files name the user's folders and clusters).
 */
final class JsonFile<T> {
  private static final Logger LOG = LoggerFactory.getLogger(JsonFile.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final Class<T> type;

  JsonFile(Path file, Class<T> type) {
    this.file = file;
    this.type = type;
  }

  Path path() {
    return file;
  }

  Optional<T> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readValue(file.toFile(), type));
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  void write(T value) throws IOException {
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, JSON.writeValueAsBytes(value), true);
  }
}
