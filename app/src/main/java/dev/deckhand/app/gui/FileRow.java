package dev.deckhand.app.gui;

import dev.deckhand.core.index.Exclusion;
import dev.deckhand.core.index.ScanProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of the Files tab: a change waiting to be pushed, or a path left out and why.
 *
 * @param kind drives the mark and the colour
 */
record FileRow(Kind kind, String path, String note) {
  enum Kind {
    ADDED("+", "file-added"),
    MODIFIED("~", "file-modified"),
    DELETED("−", "file-deleted"),
    ALLOWED_SECRET("!", "file-secret"),
    IGNORED("·", "file-ignored"),
    SECRET("×", "file-secret"),
    SYMLINK_OUTSIDE("↗", "file-problem"),
    ALWAYS_EXCLUDED("·", "file-ignored"),
    PROBLEM("!", "file-problem"),
    WARNING("!", "file-problem");

    final String mark;
    final String styleClass;

    Kind(String mark, String styleClass) {
      this.mark = mark;
      this.styleClass = styleClass;
    }
  }

  /** Added, modified and deleted, in that order; allowed secrets are flagged where they appear. */
  static List<FileRow> pending(FilesPreview p) {
    Set<String> secrets = new HashSet<>(p.allowedSecrets());
    List<FileRow> rows = new ArrayList<>();
    for (String path : p.changes().added()) {
      rows.add(
          secrets.contains(path)
              ? new FileRow(
                  Kind.ALLOWED_SECRET, path, "secret, sent because an allow pattern admits it")
              : new FileRow(Kind.ADDED, shown(p, path), "added"));
    }
    for (String path : p.changes().modified()) {
      rows.add(
          secrets.contains(path)
              ? new FileRow(
                  Kind.ALLOWED_SECRET, path, "secret, sent because an allow pattern admits it")
              : new FileRow(Kind.MODIFIED, shown(p, path), "modified"));
    }
    for (String path : p.changes().deleted()) {
      rows.add(new FileRow(Kind.DELETED, path, "deleted"));
    }
    return rows;
  }

  private static String shown(FilesPreview p, String path) {
    return p.directories().contains(path) ? path + "/" : path;
  }

  /**
   * What stays out with its reason, then problems not already explained by an exclusion, then the
   * scan's warnings (they name their own file, so the whole line is the note).
   */
  static List<FileRow> excluded(FilesPreview p) {
    List<FileRow> rows = new ArrayList<>();
    Set<String> explained = new HashSet<>();
    for (Exclusion e : p.exclusions()) {
      explained.add(e.path());
      rows.add(
          switch (e.reason()) {
            case IGNORED ->
                new FileRow(Kind.IGNORED, e.path(), "ignored (.gitignore / .odoignore)");
            case SECRET -> new FileRow(Kind.SECRET, e.path(), "secret (deny list)");
            case SYMLINK_OUTSIDE ->
                new FileRow(
                    Kind.SYMLINK_OUTSIDE, e.path(), "symlink out of the folder " + e.detail());
            case ALWAYS_EXCLUDED -> new FileRow(Kind.ALWAYS_EXCLUDED, e.path(), "never synced");
          });
    }
    for (ScanProblem problem : p.problems()) {
      if (!explained.contains(problem.path())) {
        rows.add(new FileRow(Kind.PROBLEM, problem.path(), problem.reason()));
      }
    }
    for (String warning : p.warnings()) {
      rows.add(new FileRow(Kind.WARNING, "", warning));
    }
    return rows;
  }
}
