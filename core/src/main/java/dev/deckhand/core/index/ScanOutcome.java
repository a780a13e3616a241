package dev.deckhand.core.index;

import java.util.List;

/** What a walk of the tree found, before any comparison with the old index. */
record ScanOutcome(FileIndex index, List<ScanProblem> problems, List<Exclusion> exclusions) {}
