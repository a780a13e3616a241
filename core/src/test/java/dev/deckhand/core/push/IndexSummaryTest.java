package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.index.IndexResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index stage's line of a push names what the scan warned about. */
class IndexSummaryTest {
  @TempDir Path root;

  @Test
  void aPushSaysWhyItSendsEverythingWhenTheIndexIsDamaged() throws Exception {
    Files.writeString(root.resolve("a.txt"), "a");
    Files.writeString(root.resolve(".gitignore"), "[\n");
    Files.createDirectories(root.resolve(".odo"));
    Files.writeString(ComponentIndexer.indexFile(root), "{");
    IndexResult r = new ComponentIndexer(root, IndexOptions.defaults()).scan();

    assertThat(PushSession.indexSummary(r, SyncPlan.incremental(r.index(), r.changes()), true))
        .isEqualTo(
            "2 entries; 2 added, 0 modified, 0 deleted"
                + "; warning: the index .odo/odo-file-index.json is damaged (it ends early at line"
                + " 1, column 2), so every file counts as new and the next push sends them all;"
                + " a successful push rewrites it"
                + "; warning: .gitignore line 1: \"[\" is not a valid pattern and matches nothing");
  }
}
