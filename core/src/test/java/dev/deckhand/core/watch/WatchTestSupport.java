package dev.deckhand.core.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Real files and recorders for the watch tests. */
final class WatchTestSupport {
  private WatchTestSupport() {}

  static Path write(Path root, String rel, String content) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path mkdirs(Path root, String rel) {
    try {
      return Files.createDirectories(root.resolve(rel));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> liveThreadsNamed(String... prefixes) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> List.of(prefixes).stream().anyMatch(n::startsWith))
        .toList();
  }

  /** Records batches with their arrival time. */
  static final class Batches implements Consumer<ChangeBatch> {
    final List<ChangeBatch> batches = new CopyOnWriteArrayList<>();
    final List<Long> arrivedNanos = new CopyOnWriteArrayList<>();

    @Override
    public void accept(ChangeBatch batch) {
      arrivedNanos.add(System.nanoTime());
      batches.add(batch);
    }

    int size() {
      return batches.size();
    }

    ChangeBatch get(int i) {
      return batches.get(i);
    }
  }

  /** Records what the watcher tells a UI. */
  static final class Problems implements FolderWatcher.Listener {
    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<WatchMode> modes = new CopyOnWriteArrayList<>();

    @Override
    public void onProblem(String message) {
      messages.add(message);
    }

    @Override
    public void onModeChanged(WatchMode mode) {
      modes.add(mode);
    }
  }
}
