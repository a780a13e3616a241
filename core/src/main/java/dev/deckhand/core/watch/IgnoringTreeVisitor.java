package dev.deckhand.core.watch;

import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Walks the tree for directory-watcher, skipping ignored subtrees, so {@code node_modules/}, {@code
 * .git/} and {@code .odo/} get no inotify watch at all: fewer watches against {@code
 * max_user_watches}, faster registration, and no events from them. directory-watcher calls this
 * both at registration and for every directory created later, so a new {@code node_modules/} is
 * skipped too. Symbolic links are not followed: nothing outside the root is watched.
 */
final class IgnoringTreeVisitor implements FileTreeVisitor {
  private final Path root;
  private final WatchIgnores ignores;

  IgnoringTreeVisitor(Path root, WatchIgnores ignores) {
    this.root = root;
    this.ignores = ignores;
  }

  @Override
  public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile)
      throws IOException {
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      onFile.call(start);
      return;
    }
    String startRel = WatchIgnores.relative(root, start);
    if (startRel == null || ignores.isExcluded(startRel, true)) {
      return;
    }
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(start) && ignores.isExcluded(WatchIgnores.relative(root, dir), true)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            onDirectory.call(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            onFile.call(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            // Gone already, or unreadable: nothing to watch there; the scan reports it if it
            // matters.
            if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
  }
}
