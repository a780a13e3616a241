package dev.deckhand.core.watch;

import static dev.deckhand.core.watch.WatchTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.index.IndexResult;
import dev.deckhand.core.index.LogCapture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchIgnoresTest {
  @TempDir Path root;

  @Test
  void invalidPatternIsSkippedQuietlyAndTheOtherLinesAgreeWithTheIndex() throws Exception {
    write(root, ".gitignore", "*.log\n[\n!keep.log\n");
    write(root, "sub/.odoignore", "build/\n[abc\n");
    write(root, "app.log", "x");
    write(root, "keep.log", "x");
    write(root, "sub/build/out.js", "x");
    write(root, "sub/main.js", "x");
    try (LogCapture log = new LogCapture()) {
      WatchIgnores watch = new WatchIgnores(root, IndexOptions.defaults());
      IndexResult index = new ComponentIndexer(root, IndexOptions.defaults()).scan();
      for (String path : List.of("app.log", "keep.log", "sub/main.js", "sub/build/out.js")) {
        assertThat(watch.isExcluded(path, false)).as(path).isEqualTo(!index.index().contains(path));
      }
      assertThat(watch.isExcluded("sub/build", true)).isTrue();
      assertThat(log.events()).isEmpty();
    }
  }
}
