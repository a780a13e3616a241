package dev.deckhand.core.index;

/** Something the user should fix; the scan carried on without the path. */
public record ScanProblem(String path, String reason) {}
