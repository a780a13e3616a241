package dev.deckhand.core.index;

import java.time.Instant;
import java.util.List;

/**
 * One scan: the index to commit once the container has the changes, what changed against the last
 * committed index, and what the user should know about.
 *
 * @param scanStartedAt file-system clock at scan start; becomes the committed index's mtime so the
 *     next scan can spot racy entries
 */
public record IndexResult(
    FileIndex index,
    ChangeSet changes,
    List<ScanProblem> problems,
    List<Exclusion> exclusions,
    List<String> warnings,
    Instant scanStartedAt) {
  public IndexResult {
    problems = List.copyOf(problems);
    exclusions = List.copyOf(exclusions);
    warnings = List.copyOf(warnings);
  }
}
