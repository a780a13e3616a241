package dev.deckhand.core.index;

import static dev.deckhand.core.index.Trees.dir;
import static dev.deckhand.core.index.Trees.file;
import static dev.deckhand.core.index.Trees.t;
import static dev.deckhand.core.index.Trees.touch;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentIndexerTest {
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final Instant PAST = t("2021-03-04T05:06:07.123456789Z");

  @TempDir Path root;

  private ComponentIndexer indexer() {
    return new ComponentIndexer(root, IndexOptions.defaults());
  }

  private IndexResult scanAndCommit(ComponentIndexer indexer) throws IOException {
    IndexResult r = indexer.scan();
    indexer.commit(r);
    return r;
  }

  @Test
  void firstScanWithoutAnIndexAddsEverythingExceptTheRoot() throws IOException {
    file(root, "a.txt", "hello");
    file(root, "src/Main.java", "class Main {}");
    IndexResult r = indexer().scan();
    assertThat(r.changes().added()).containsExactly("a.txt", "src", "src/Main.java");
    assertThat(r.changes().modified()).isEmpty();
    assertThat(r.changes().deleted()).isEmpty();
    assertThat(r.warnings()).isEmpty();
    assertThat(r.index().size()).isEqualTo(3);
    assertThat(r.index().isDirectory("src")).isTrue();
    assertThat(r.index().kind("a.txt")).isEqualTo(EntryKind.FILE);
    assertThat(r.index().get("a.txt").size()).isEqualTo(5);
  }

  @Test
  void scanWritesNothingAndCommitWritesTheIndex() throws IOException {
    file(root, "a.txt", "hello");
    ComponentIndexer indexer = indexer();
    IndexResult r = indexer.scan();
    assertThat(ComponentIndexer.indexFile(root)).doesNotExist();
    indexer.commit(r);
    assertThat(ComponentIndexer.indexFile(root))
        .isEqualTo(root.resolve(".odo/odo-file-index.json"));
    assertThat(ComponentIndexer.indexFile(root)).exists();
    assertThat(root.resolve(".odo")).isDirectoryContaining(p -> true);
    try (Stream<Path> files = Files.list(root.resolve(".odo"))) {
      assertThat(files)
          .containsExactlyInAnyOrder(
              ComponentIndexer.indexFile(root), root.resolve(".odo/.gitignore"));
    }
  }

  @Test
  void committedFileIsByteExactOdoJsonWithNanosecondMtimes() throws IOException {
    // Java 17 on Linux sets and reads mtimes with full nanosecond precision (utimensat/stat).
    Path a = file(root, "a.txt", "hello world!", t("2020-01-22T11:52:18.123456789+05:30"));
    Path cjk = file(root, "src/中文.txt", "x", t("2020-01-22T11:50:02.5+05:30"));
    Path amp = file(root, "src/<&>.txt", "", t("2020-01-22T11:50:02+05:30"));
    Path src = root.resolve("src");
    touch(src, t("2020-01-22T06:20:02.51234Z"));
    assertThat(Files.getLastModifiedTime(a).toInstant().getNano()).isEqualTo(123_456_789);
    long dirSize = Files.size(src);

    ComponentIndexer indexer = new ComponentIndexer(root, IndexOptions.defaults(), KOLKATA);
    scanAndCommit(indexer);

    String expected =
        "{\"kind\":\"FileIndex\",\"apiVersion\":\"v1\",\"Files\":{"
            + "\"a.txt\":{\"Size\":12,\"LastModifiedDate\":\"2020-01-22T11:52:18.123456789+05:30\"},"
            + "\"src\":{\"Size\":"
            + dirSize
            + ",\"LastModifiedDate\":\"2020-01-22T11:50:02.51234+05:30\"},"
            + "\"src/\\u003c\\u0026\\u003e.txt\":{\"Size\":0,\"LastModifiedDate\":\"2020-01-22T11:50:02+05:30\"},"
            + "\"src/中文.txt\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T11:50:02.5+05:30\"}}}";
    assertThat(Files.readAllBytes(ComponentIndexer.indexFile(root)))
        .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    assertThat(cjk).exists();
    assertThat(amp).exists();
  }

  @Test
  void commitIsAtomicOwnerOnlyAndBackdatedToTheScanStart() throws IOException {
    file(root, "a.txt", "hello");
    ComponentIndexer indexer = indexer();
    IndexResult r = scanAndCommit(indexer);
    Path index = ComponentIndexer.indexFile(root);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index)))
        .isEqualTo("rw-------");
    assertThat(Files.getLastModifiedTime(index).toInstant()).isEqualTo(r.scanStartedAt());
    assertThat(r.scanStartedAt()).isBeforeOrEqualTo(Instant.now());
    scanAndCommit(indexer);
    try (Stream<Path> files = Files.list(index.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("odo-file-index.json", ".gitignore");
    }
  }

  @Test
  void noChangeRescanIsEmptyInTheSameAndInANewIndexer() throws IOException {
    file(root, "a.txt", "hello", PAST);
    file(root, "d/b.txt", "b", PAST);
    dir(root, "empty");
    scanAndCommit(indexer());
    assertThat(indexer().scan().changes().isEmpty()).isTrue();
    ComponentIndexer same = indexer();
    scanAndCommit(same);
    assertThat(same.scan().changes().isEmpty()).isTrue();
  }

  @Test
  void odoWrittenIndexesReadBackAgainstTheSameTreeShowNoChanges() throws IOException {
    for (String fixture : List.of("odo-v1.1-index.json", "odo-windows-lowercase-index.json")) {
      file(root, "README.md", "readme", t("2020-01-22T11:52:18.123456789+05:30"));
      file(root, "src/Main.java", "class Main {}", t("2020-01-22T06:20:02.51234Z"));
      file(root, "src/util/Strings.java", "s", t("2019-12-31T23:59:59.000000001-08:00"));
      touch(root.resolve("src/util"), t("2020-01-22T11:50:02+05:30"));
      touch(root.resolve("src"), t("2020-01-22T11:50:02.5+05:30"));
      dir(root, ".odo");
      Files.write(ComponentIndexer.indexFile(root), FileIndexCodecTest.resource(fixture));

      IndexResult r = indexer().scan();
      assertThat(r.changes().isEmpty()).as(fixture).isTrue();
      assertThat(r.warnings()).isEmpty();
    }
  }

  @Test
  void odoIndexDetectsAnEditAndADeleteAndIgnoresDirectorySizeDrift() throws IOException {
    file(root, "README.md", "README", t("2020-01-22T11:52:18.123456789+05:30"));
    file(root, "src/Main.java", "class Main {}", t("2020-01-22T06:20:02.51234Z"));
    dir(root, "src/util");
    dir(root, ".odo");
    Files.write(
        ComponentIndexer.indexFile(root), FileIndexCodecTest.resource("odo-v1.1-index.json"));
    touch(root.resolve("src/Main.java"), t("2020-01-22T06:20:02.51235Z"));

    ChangeSet c = indexer().scan().changes();
    assertThat(c.added()).isEmpty();
    assertThat(c.modified()).containsExactly("src/Main.java");
    assertThat(c.deleted()).containsExactly("src/util/Strings.java");
  }

  @Test
  void unicodeAndVeryLongNamesRoundTrip() throws IOException {
    String longName = "n".repeat(200) + ".txt";
    List<String> names = List.of(longName, "😀.txt", "中文/文件.txt", "a<&>b.txt", "\uFF21.txt");
    for (String n : names) {
      file(root, n, n, PAST);
    }
    ComponentIndexer indexer = indexer();
    IndexResult first = scanAndCommit(indexer);
    assertThat(first.changes().added())
        .containsExactly("a<&>b.txt", longName, "中文", "中文/文件.txt", "\uFF21.txt", "😀.txt");
    String json = Files.readString(ComponentIndexer.indexFile(root), StandardCharsets.UTF_8);
    assertThat(json).contains("\"a\\u003c\\u0026\\u003eb.txt\"", "\"😀.txt\"", longName);
    assertThat(new ComponentIndexer(root, IndexOptions.defaults()).scan().changes().isEmpty())
        .isTrue();
  }

  @Test
  void racyEntryRewrittenWithSameSizeAndMtimeIsStillDetectedThenSettles() throws IOException {
    Path a = file(root, "a.txt", "aaaa", PAST);
    ComponentIndexer indexer = indexer();
    scanAndCommit(indexer);
    // As if the index had been scanned in the very tick a.txt was last written.
    touch(ComponentIndexer.indexFile(root), PAST);
    Files.writeString(a, "bbbb");
    touch(a, PAST);

    IndexResult racy = indexer.scan();
    assertThat(racy.changes().modified()).containsExactly("a.txt");
    indexer.commit(racy);
    assertThat(indexer.scan().changes().isEmpty()).isTrue();
  }

  @Test
  void fileModifiedDuringTheScanTickIsResentOnce() throws IOException {
    ComponentIndexer indexer = indexer();
    IndexResult probe = indexer.scan();
    Path a = file(root, "a.txt", "aaaa", probe.scanStartedAt().plusSeconds(3600));
    scanAndCommit(indexer);
    // Same size, same mtime: only the racy rule can see this edit.
    Files.writeString(a, "bbbb");
    touch(a, probe.scanStartedAt().plusSeconds(3600));
    assertThat(indexer.scan().changes().modified()).containsExactly("a.txt");
  }

  @Test
  void fileReplacedByDirectoryAndBackIsDeletePlusAdd() throws IOException {
    file(root, "x", "file", PAST);
    ComponentIndexer indexer = indexer();
    scanAndCommit(indexer);

    Files.delete(root.resolve("x"));
    file(root, "x/inner.txt", "inner");
    IndexResult toDir = indexer.scan();
    assertThat(toDir.changes().deleted()).containsExactly("x");
    assertThat(toDir.changes().added()).containsExactly("x", "x/inner.txt");
    assertThat(toDir.changes().deletedRoots()).containsExactly("x");
    indexer.commit(toDir);

    Files.delete(root.resolve("x/inner.txt"));
    Files.delete(root.resolve("x"));
    file(root, "x", "file again");
    forgetCommittedKinds();
    // Only odo's file is left: the old kind is inferred from "x/inner.txt".
    IndexResult toFile = indexer().scan();
    assertThat(toFile.changes().deleted()).containsExactly("x", "x/inner.txt");
    assertThat(toFile.changes().deletedRoots()).containsExactly("x");
    assertThat(toFile.changes().added()).containsExactly("x");
    assertThat(toFile.changes().modified()).isEmpty();
  }

  @Test
  void renamesAreDeletePlusAdd() throws IOException {
    file(root, "old.txt", "content", PAST);
    file(root, "olddir/a.txt", "a", PAST);
    file(root, "olddir/sub/b.txt", "b", PAST);
    ComponentIndexer indexer = indexer();
    scanAndCommit(indexer);

    Files.move(root.resolve("old.txt"), root.resolve("new.txt"));
    Files.move(root.resolve("olddir"), root.resolve("newdir"));
    ChangeSet c = indexer.scan().changes();
    assertThat(c.added())
        .containsExactly("new.txt", "newdir", "newdir/a.txt", "newdir/sub", "newdir/sub/b.txt");
    assertThat(c.deleted())
        .containsExactly("old.txt", "olddir", "olddir/a.txt", "olddir/sub", "olddir/sub/b.txt");
    assertThat(c.deletedRoots()).containsExactly("old.txt", "olddir");
    assertThat(c.modified()).isEmpty();
  }

  @Test
  void deletedDirectoryHasItselfAsTheOnlyDeletedRoot() throws IOException {
    file(root, "keep.txt", "k", PAST);
    file(root, "gone/a.txt", "a", PAST);
    file(root, "gone/b/c.txt", "c", PAST);
    file(root, "gone.txt", "g", PAST);
    ComponentIndexer indexer = indexer();
    scanAndCommit(indexer);
    deleteTree(root.resolve("gone"));

    ChangeSet c = indexer.scan().changes();
    assertThat(c.deleted()).containsExactly("gone", "gone/a.txt", "gone/b", "gone/b/c.txt");
    assertThat(c.deletedRoots()).containsExactly("gone");
    assertThat(c.added()).isEmpty();
  }

  @Test
  void directoryWhoseOnlyChangeIsItsMtimeIsNotModified() throws IOException {
    file(root, "d/a.txt", "a", PAST);
    touch(root.resolve("d"), PAST);
    ComponentIndexer indexer = indexer();
    scanAndCommit(indexer);
    file(root, "d/b.txt", "b");
    ChangeSet c = indexer.scan().changes();
    assertThat(c.added()).containsExactly("d/b.txt");
    assertThat(c.modified()).isEmpty();
  }

  @Test
  void entryThatBecameIgnoredButStillExistsIsNotDeleted() throws IOException {
    file(root, "logs/app.log", "log", PAST);
    file(root, "a.txt", "a", PAST);
    ComponentIndexer indexer = indexer();
    scanAndCommit(indexer);
    file(root, ".gitignore", "logs/\n");

    IndexResult r = indexer.scan();
    assertThat(r.changes().deleted()).isEmpty();
    assertThat(r.changes().added()).containsExactly(".gitignore");
    assertThat(r.index().contains("logs")).isFalse();
    assertThat(r.exclusions())
        .containsExactly(new Exclusion("logs", Exclusion.Reason.IGNORED, "matched an ignore rule"));
  }

  @Test
  void corruptIndexMeansFullRescanWithAWarningNotAnException() throws IOException {
    file(root, "a.txt", "a", PAST);
    dir(root, ".odo");
    Files.writeString(ComponentIndexer.indexFile(root), "{\"kind\":\"FileIndex\",\"Files\":{\"a.t");
    IndexResult r = indexer().scan();
    assertThat(r.changes().added()).containsExactly("a.txt");
    assertThat(r.warnings())
        .containsExactly(
            "the index .odo/odo-file-index.json is damaged (it ends early at line 1, column 34),"
                + " so every file counts as new and the next push sends them all;"
                + " a successful push rewrites it");
  }

  @Test
  void everyDamagedIndexIsDescribedInPlainWords() throws IOException {
    file(root, "a.txt", "a", PAST);
    dir(root, ".odo");
    String[][] cases = {
      {"", "the file is empty"},
      {"{", "it ends early at line 1, column 2"},
      {"[1]", "expected an object {…}, found a list […] at line 1, column 1"},
      {"{\"Files\":[]}", "\"Files\" is a list […], not a map of paths at line 1, column 10"},
      {
        "{\"Files\":{\"a\":{\"Size\":\"x\"}}}",
        "the Size of \"a\" is text, not a whole number at line 1, column 23"
      },
      {
        "{\"Files\":{\"a\":{\"LastModifiedDate\":\"yesterday\"}}}",
        "the LastModifiedDate of \"a\" is \"yesterday\", not a time at line 1, column 35"
      },
      {"{\"Files\":{}} {}", "more data follows the index"},
      {"\u0000\u0001garbage", "not valid JSON at line 1, column 2"},
      {"{\"kind\" \"FileIndex\"}", "not valid JSON at line 1, column 9"},
    };
    for (String[] c : cases) {
      Files.writeString(ComponentIndexer.indexFile(root), c[0]);
      List<String> warnings = indexer().scan().warnings();
      assertThat(warnings)
          .as(c[0])
          .containsExactly(
              "the index .odo/odo-file-index.json is damaged ("
                  + c[1]
                  + "), so every file counts as new and the next push sends them all;"
                  + " a successful push rewrites it");
      assertThat(warnings.get(0))
          .doesNotContain("JsonToken", "Source:", "deserialize", "Exception", "START_", "token");
    }
  }

  @Test
  void anIndexOfAnUnknownApiVersionIsReadWithOneWarning() throws IOException {
    file(root, "a.txt", "a", PAST);
    dir(root, ".odo");
    FileIndex v1 = FileIndex.builder().put("a.txt", new IndexEntry(1, PAST)).build();
    String json =
        new String(new FileIndexCodec().encode(v1), StandardCharsets.UTF_8)
            .replace("\"apiVersion\":\"v1\"", "\"apiVersion\":\"v2beta1\"");
    Files.writeString(ComponentIndexer.indexFile(root), json);

    IndexResult r = indexer().scan();
    assertThat(r.changes().isEmpty()).isTrue();
    assertThat(r.warnings())
        .containsExactly(
            "the index .odo/odo-file-index.json has apiVersion \"v2beta1\", which this Deckhand"
                + " does not know; it was read as v1, and a successful push rewrites it as v1");
  }

  @Test
  void gitAndOdoDirectoriesAreExcludedAtAnyDepth() throws IOException {
    file(root, ".git/config", "x");
    file(root, "sub/.git", "gitdir: ../.git/modules/sub");
    file(root, "sub/.odo/config.yaml", "x");
    file(root, "sub/a.txt", "a");
    IndexResult r = indexer().scan();
    assertThat(r.index().entries().keySet()).containsExactly("sub", "sub/a.txt");
    assertThat(r.exclusions())
        .extracting(Exclusion::path)
        .containsExactly(".git", "sub/.git", "sub/.odo");
    assertThat(r.exclusions()).allMatch(e -> e.reason() == Exclusion.Reason.ALWAYS_EXCLUDED);
  }

  @Test
  void indexEntriesCarryLstatSizeAndMtime() throws IOException {
    Path a = file(root, "a.txt", "12345", PAST);
    IndexResult r = indexer().scan();
    assertThat(r.index().get("a.txt"))
        .isEqualTo(
            new IndexEntry(5, Files.getLastModifiedTime(a, LinkOption.NOFOLLOW_LINKS).toInstant()));
    assertThat(r.index().entries().get("a.txt").modified()).isEqualTo(PAST);
    assertThat(FileTime.from(PAST)).isEqualTo(Files.getLastModifiedTime(a));
  }

  @Test
  void scannedKeysComeOutInGoOrderWhereSubtreesInterleaveWithSiblings() throws IOException {
    // '-' and '.' sort before '/', so "a/…" belongs after "a-b" and "a.b" but before "a0".
    for (String p : List.of("a/x", "a/y/z", "a-b", "a.b", "a0", "a b/c", "\uFF21/x", "😀/y", "b")) {
      file(root, p, "x");
    }
    List<String> keys = List.copyOf(indexer().scan().index().entries().keySet());
    List<String> sorted = keys.stream().sorted(PathOrder.CODE_POINT).toList();
    assertThat(keys).isEqualTo(sorted);
    assertThat(keys)
        .containsExactly(
            "a",
            "a b",
            "a b/c",
            "a-b",
            "a.b",
            "a/x",
            "a/y",
            "a/y/z",
            "a0",
            "b",
            "\uFF21",
            "\uFF21/x",
            "😀",
            "😀/y");
  }

  // Rewrites the index as a new file with the same bytes and mtime, as odo or a restart would leave
  // it, so no in-memory knowledge of the last scan applies.
  private void forgetCommittedKinds() throws IOException {
    Path index = ComponentIndexer.indexFile(root);
    FileTime mtime = Files.getLastModifiedTime(index);
    byte[] bytes = Files.readAllBytes(index);
    Files.delete(index);
    Files.write(index, bytes);
    Files.setLastModifiedTime(index, mtime);
  }

  static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
        Files.delete(q);
      }
    }
  }

  @Test
  void aRemovedIgnoredPathIsNeverDeletedInTheContainerEvenWhenOdosIndexListsIt()
      throws IOException {
    // odo 1.x records ignored files in its index; assemble's node_modules lives in the container.
    file(root, ".gitignore", "node_modules/\n*.log\n");
    file(root, "sub/.odoignore", "build\n");
    file(root, "server.js", "x", PAST);
    dir(root, ".odo");
    FileIndex odoIndex =
        FileIndex.builder()
            .put(".gitignore", new IndexEntry(20, PAST))
            .put("server.js", new IndexEntry(1, PAST))
            .put("node_modules", new IndexEntry(4096, PAST))
            .put("node_modules/express/index.js", new IndexEntry(10, PAST))
            .put("debug.log", new IndexEntry(3, PAST))
            .put("sub", new IndexEntry(4096, PAST))
            .put("sub/build", new IndexEntry(4096, PAST))
            .put("sub/build/out.js", new IndexEntry(4, PAST))
            .put("sub/gone.js", new IndexEntry(4, PAST))
            .put("olddir", new IndexEntry(4096, PAST))
            .put("olddir/app.log", new IndexEntry(4, PAST))
            .put("removed.js", new IndexEntry(4, PAST))
            .build();
    Files.write(ComponentIndexer.indexFile(root), new FileIndexCodec().encode(odoIndex));

    ChangeSet c = indexer().scan().changes();

    // A removed directory goes whole (rm -rf), ignored content with it, as with odo.
    assertThat(c.deleted())
        .containsExactly("olddir", "olddir/app.log", "removed.js", "sub/gone.js");
    assertThat(c.deletedRoots()).containsExactly("olddir", "removed.js", "sub/gone.js");
  }

  @Test
  void aNameWithABackslashSettlesAfterOnePush() throws IOException {
    file(root, "back\\slash.txt", "x", PAST);
    file(root, "src/a\\b.js", "x", PAST);
    file(root, "flat\\only", "x", PAST);
    scanAndCommit(indexer());
    // Make the next scan parse the file rather than reuse what this process committed.
    Path index = ComponentIndexer.indexFile(root);
    Files.write(index, Files.readAllBytes(index));

    IndexResult r = indexer().scan();
    assertThat(r.changes().isEmpty()).as(r.changes().toString()).isTrue();
  }

  @Test
  void aFlatFolderWithABackslashNameSettlesToo() throws IOException {
    file(root, "a\\b", "x", PAST);
    scanAndCommit(indexer());
    Path index = ComponentIndexer.indexFile(root);
    Files.write(index, Files.readAllBytes(index));

    assertThat(indexer().scan().changes().isEmpty()).isTrue();
  }

  @Test
  void ignoreFilesBehindALinkOutOfTheFolderDecideNoDeletion(@TempDir Path outside)
      throws IOException {
    file(outside, "sub/.gitignore", "*\n");
    file(root, "lib/sub/a.js", "x", PAST);
    scanAndCommit(indexer());
    // lib becomes a link out of the folder (excluded, so left alone in the container); the
    // outside "*" must not make the removed a.js count as ignored.
    Files.delete(root.resolve("lib/sub/a.js"));
    Files.delete(root.resolve("lib/sub"));
    Files.delete(root.resolve("lib"));
    Files.createSymbolicLink(root.resolve("lib"), outside);

    ChangeSet c = indexer().scan().changes();
    assertThat(c.deleted()).containsExactly("lib/sub/a.js");
  }
}
