package dev.deckhand.app.gui;

import dev.deckhand.core.index.ChangeSet;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.Exclusion;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.index.IndexResult;
import dev.deckhand.core.index.ScanProblem;
import dev.deckhand.core.index.SecretNames;
import dev.deckhand.core.push.SyncState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the next push would send, from a dry-run scan (the index file is read, never written): the
 * changes against the last pushed index, what stays out and why, and the secrets that only an allow
 * pattern lets through.
 *
 * @param firstPush no container has received this folder yet (no sync state), so the push is full
 * @param allowedSecrets deny-listed paths in the index because an allow pattern admitted them
 * @param directories the added and modified paths that are directories (shown as {@code dir/}, so a
 *     folder whose files all stay out reads as the empty folder it is)
 * @param warnings what the scan could not use, e.g. an invalid ignore pattern or a damaged index
 */
public record FilesPreview(
    Path folder,
    int indexed,
    ChangeSet changes,
    List<Exclusion> exclusions,
    List<ScanProblem> problems,
    List<String> warnings,
    List<String> allowedSecrets,
    java.util.Set<String> directories,
    boolean firstPush,
    Instant scannedAt) {
  public FilesPreview {
    directories = java.util.Set.copyOf(directories);
    exclusions = List.copyOf(exclusions);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    allowedSecrets = List.copyOf(allowedSecrets);
  }

  /** Blocks on the disk: call it off the FX thread. */
  public static FilesPreview scan(Path folder, IndexOptions options) throws IOException {
    IndexResult r = new ComponentIndexer(folder, options).scan();
    return new FilesPreview(
        folder,
        r.index().size(),
        r.changes(),
        r.exclusions(),
        r.problems(),
        r.warnings(),
        SecretNames.allowedIn(r.index()),
        java.util.stream.Stream.concat(
                r.changes().added().stream(), r.changes().modified().stream())
            .filter(r.index()::isDirectory)
            .collect(java.util.stream.Collectors.toSet()),
        SyncState.read(folder).isEmpty(),
        Instant.now());
  }

  /** A first push would send a secret the deny list would otherwise have kept out. */
  public boolean needsSecretConfirmation() {
    return firstPush && !allowedSecrets.isEmpty();
  }
}
