package dev.deckhand.core.index;

import dev.deckhand.core.files.AtomicFiles;
import dev.deckhand.core.files.OdoFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The file index of one component: scan and diff against {@code .odo/odo-file-index.json}, then
 * commit the new index only once the container has the changes, so a failed push is retried in full
 * (odo ≤ 1.2.3 wrote first and lost the diff, odo#2728).
 */
public final class ComponentIndexer {
  private static final String INDEX_DIR = ".odo";
  private static final String INDEX_FILE = "odo-file-index.json";
  private static final String SHOWN_PATH = INDEX_DIR + "/" + INDEX_FILE;
  private static final String API_VERSION = "v1";

  private final Path root;
  private final IndexOptions options;
  private final FileIndexCodec codec;
  // Last committed index per root, so a fresh indexer (one per push is fine) still knows the kinds
  // the scan saw and can skip re-parsing its own file. Checked against the file's identity on use.
  private static final Map<Path, Committed> COMMITTED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_ROOTS = 16;
  private static final Executor OLD_INDEX_READER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "deckhand-index-reader");
            t.setDaemon(true);
            return t;
          });

  public ComponentIndexer(Path root, IndexOptions options) {
    this(root, options, ZoneId.systemDefault());
  }

  /** With the zone the timestamps are written in; odo uses the local one. */
  ComponentIndexer(Path root, IndexOptions options, ZoneId zone) {
    this.root = root.toAbsolutePath().normalize();
    this.options = Objects.requireNonNull(options, "options");
    this.codec = new FileIndexCodec(zone);
  }

  public static Path indexFile(Path root) {
    return root.resolve(INDEX_DIR).resolve(INDEX_FILE);
  }

  /** Scans and diffs; writes nothing the user can see. */
  public IndexResult scan() throws IOException {
    return scan(Set.of());
  }

  /**
   * Scans and diffs as if the old index also listed {@code possiblyPresent}: paths an unconfirmed
   * push sent, which may be in the container although the index never recorded them. Those gone
   * locally come out as deletions like any other; those still here as additions.
   */
  public IndexResult scan(Set<String> possiblyPresent) throws IOException {
    Instant scanStartedAt = FileSystemClock.now(root.resolve(INDEX_DIR));
    List<String> warnings = new ArrayList<>();
    // Parsing a 10 MB index overlaps with the walk, which spends much of its time in the kernel.
    CompletableFuture<OldIndex> reading =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return readOldIndex(warnings);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            OLD_INDEX_READER);
    IgnoreRules rules = IgnoreRules.load(root, options);
    ScanOutcome scanned = new TreeScanner(root, rules).scan();
    OldIndex old = join(reading);
    FileIndex before = withGonePaths(old.index(), scanned.index(), possiblyPresent);
    ChangeSet changes =
        new ChangeDetector(root, rules).diff(before, scanned.index(), old.modified());
    warnings.addAll(rules.warnings());
    return new IndexResult(
        scanned.index(),
        changes,
        scanned.problems(),
        scanned.exclusions(),
        warnings,
        scanStartedAt);
  }

  /**
   * Persists the scan's index (mode 0600, as odo 1.2) and backdates its mtime to the scan start, so
   * anything modified during or after the scan counts as racy next time.
   */
  public void commit(IndexResult result) throws IOException {
    Path file = indexFile(root);
    OdoFolder.prepare(root);
    AtomicFiles.write(file, codec.encode(result.index()), true);
    Files.setLastModifiedTime(file, FileTime.from(result.scanStartedAt()));
    if (COMMITTED.size() >= MAX_CACHED_ROOTS) {
      COMMITTED.clear();
    }
    COMMITTED.put(root, new Committed(result.index(), attributesOf(file)));
  }

  private static FileIndex withGonePaths(FileIndex old, FileIndex now, Set<String> paths) {
    FileIndex.Builder b = null;
    for (String p : paths) {
      if (!old.contains(p) && !now.contains(p)) {
        if (b == null) {
          b = FileIndex.builder(old.size() + paths.size());
          for (Map.Entry<String, IndexEntry> e : old.entries().entrySet()) {
            b.put(e.getKey(), e.getValue(), old.kind(e.getKey()));
          }
        }
        b.put(p, new IndexEntry(-1, Instant.EPOCH), EntryKind.UNKNOWN);
      }
    }
    return b == null ? old : b.build();
  }

  private OldIndex readOldIndex(List<String> warnings) throws IOException {
    Path file = indexFile(root);
    BasicFileAttributes attrs = attributesOf(file);
    if (attrs == null) {
      return new OldIndex(FileIndex.empty(), null);
    }
    Instant modified = attrs.lastModifiedTime().toInstant();
    Committed committed = COMMITTED.get(root);
    if (committed != null && committed.isSameFile(attrs)) {
      // Our own last write, untouched: reuse it with the kinds the scan knew, and skip parsing.
      return new OldIndex(committed.index(), modified);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new OldIndex(FileIndex.empty(), null);
    }
    FileIndexCodec.Decoded decoded;
    try {
      decoded = codec.read(bytes);
    } catch (CorruptIndexException e) {
      warnings.add(
          "the index "
              + SHOWN_PATH
              + " is damaged ("
              + e.getMessage()
              + "), so every file counts as new and the next push sends them all;"
              + " a successful push rewrites it");
      return new OldIndex(FileIndex.empty(), null);
    }
    String version = decoded.apiVersion();
    if (version != null && !version.equals(API_VERSION)) {
      warnings.add(
          "the index "
              + SHOWN_PATH
              + " has apiVersion \""
              + shown(version)
              + "\", which this Deckhand does not know; it was read as "
              + API_VERSION
              + ", and a successful push rewrites it as "
              + API_VERSION);
    }
    return new OldIndex(decoded.index(), modified);
  }

  private static String shown(String text) {
    String one = text.replaceAll("\\p{Cntrl}", "?");
    return one.length() <= 40 ? one : one.substring(0, 40) + "…";
  }

  private static OldIndex join(CompletableFuture<OldIndex> reading) throws IOException {
    try {
      return reading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  private static BasicFileAttributes attributesOf(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private record OldIndex(FileIndex index, Instant modified) {}

  private record Committed(FileIndex index, BasicFileAttributes attrs) {
    boolean isSameFile(BasicFileAttributes now) {
      return attrs != null
          && Objects.equals(attrs.fileKey(), now.fileKey())
          && attrs.size() == now.size()
          && attrs.lastModifiedTime().equals(now.lastModifiedTime())
          && attrs.creationTime().equals(now.creationTime());
    }
  }
}
