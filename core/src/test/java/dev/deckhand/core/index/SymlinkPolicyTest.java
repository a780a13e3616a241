package dev.deckhand.core.index;

import static dev.deckhand.core.index.Trees.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinkPolicyTest {
  @TempDir Path root;
  @TempDir Path outside;

  private IndexResult scan() throws IOException {
    return new ComponentIndexer(root, IndexOptions.defaults()).scan();
  }

  @Test
  void linkToAFileOutsideTheRootIsExcludedAndReported() throws IOException {
    Path secret = file(outside, "credentials", "aws");
    Files.createSymbolicLink(root.resolve("creds"), secret);
    Files.createDirectories(root.resolve("sub"));
    Files.createSymbolicLink(root.resolve("sub/up"), Path.of("../../" + outside.getFileName()));
    IndexResult r = scan();
    assertThat(r.index().entries().keySet()).containsExactly("sub");
    assertThat(r.problems())
        .containsExactly(
            new ScanProblem("creds", "symlink points outside the project: -> " + secret),
            new ScanProblem(
                "sub/up", "symlink points outside the project: -> ../../" + outside.getFileName()));
    assertThat(r.exclusions())
        .extracting(Exclusion::path, Exclusion::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("creds", Exclusion.Reason.SYMLINK_OUTSIDE),
            org.assertj.core.groups.Tuple.tuple("sub/up", Exclusion.Reason.SYMLINK_OUTSIDE));
  }

  @Test
  void relativeLinkInsideTheRootIsIndexedAsTheLinkItself() throws IOException {
    file(root, "real/config.yaml", "a: 1");
    Files.createSymbolicLink(root.resolve("current"), Path.of("real"));
    Files.createSymbolicLink(root.resolve("real/alias.yaml"), Path.of("../real/config.yaml"));
    IndexResult r = scan();
    assertThat(r.problems()).isEmpty();
    assertThat(r.index().kind("current")).isEqualTo(EntryKind.SYMLINK);
    assertThat(r.index().isSymlink("real/alias.yaml")).isTrue();
    // lstat size of a link is the length of its target, and the link is not followed.
    assertThat(r.index().get("current").size()).isEqualTo("real".length());
    assertThat(r.index().entries().keySet())
        .containsExactly("current", "real", "real/alias.yaml", "real/config.yaml");
  }

  @Test
  void danglingAndLoopingLinksAreHarmless() throws IOException {
    Files.createSymbolicLink(root.resolve("dangling"), Path.of("does-not-exist"));
    Files.createSymbolicLink(root.resolve("loop-a"), Path.of("loop-b"));
    Files.createSymbolicLink(root.resolve("loop-b"), Path.of("loop-a"));
    Files.createDirectories(root.resolve("d"));
    Files.createSymbolicLink(root.resolve("d/self"), Path.of(".."));
    IndexResult r = scan();
    assertThat(r.problems()).isEmpty();
    assertThat(r.index().entries().keySet())
        .containsExactly("d", "d/self", "dangling", "loop-a", "loop-b");
  }

  @Test
  void linkReplacingAFileIsDeletePlusAddWithinOneIndexer() throws IOException {
    file(root, "target.txt", "t");
    file(root, "x", "a file");
    ComponentIndexer indexer = new ComponentIndexer(root, IndexOptions.defaults());
    indexer.commit(indexer.scan());
    Files.delete(root.resolve("x"));
    Files.createSymbolicLink(root.resolve("x"), Path.of("target.txt"));
    ChangeSet c = indexer.scan().changes();
    assertThat(c.deleted()).containsExactly("x");
    assertThat(c.added()).containsExactly("x");
  }
}
