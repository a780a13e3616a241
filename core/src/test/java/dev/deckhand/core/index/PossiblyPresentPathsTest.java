package dev.deckhand.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths an unconfirmed push sent are diffed as if the old index had them. */
class PossiblyPresentPathsTest {
  @TempDir Path root;

  @Test
  void onesGoneLocallyAreDeletedAndOnesStillHereAreAdded() throws Exception {
    ComponentIndexer indexer = new ComponentIndexer(root, IndexOptions.defaults());
    Files.writeString(root.resolve("old.js"), "x");
    // Well before the commit, so the racy-mtime rule does not report it modified.
    Files.setLastModifiedTime(
        root.resolve("old.js"), FileTime.from(Instant.parse("2021-03-04T05:06:07Z")));
    indexer.commit(indexer.scan());
    Files.writeString(root.resolve("kept.js"), "x");

    IndexResult r =
        indexer.scan(Set.of("kept.js", "gone.js", "gone-dir", "gone-dir/a.js", "old.js"));

    assertThat(r.changes().deleted()).containsExactly("gone-dir", "gone-dir/a.js", "gone.js");
    assertThat(r.changes().deletedRoots()).containsExactly("gone-dir", "gone.js");
    assertThat(r.changes().added()).containsExactly("kept.js");
    assertThat(r.changes().modified()).isEmpty();
    assertThat(r.index().entries().keySet()).containsExactly("kept.js", "old.js");
  }

  @Test
  void onesStillHereButExcludedAreNotDeleted() throws Exception {
    ComponentIndexer indexer = new ComponentIndexer(root, IndexOptions.defaults());
    Files.writeString(root.resolve(".odoignore"), "build.log\n");
    Files.writeString(root.resolve("build.log"), "x");

    IndexResult r = indexer.scan(Set.of("build.log"));

    assertThat(r.changes().deleted()).isEmpty();
  }
}
