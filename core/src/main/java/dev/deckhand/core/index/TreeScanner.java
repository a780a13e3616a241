package dev.deckhand.core.index;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

/**
 * Walks a component tree with lstat semantics, one fork-join task per directory so both cores stay
 * busy with syscalls. Ignored directories are never opened, which is where most of the speed on
 * real projects comes from ({@code node_modules}, {@code target}).
 */
final class TreeScanner {
  private static final ForkJoinPool POOL = newPool();

  private final Path root;
  private final IgnoreRules rules;
  private final Queue<FileIndex.Builder> parts = new ConcurrentLinkedQueue<>();
  private final List<ScanProblem> problems = Collections.synchronizedList(new ArrayList<>());
  private final List<Exclusion> exclusions = Collections.synchronizedList(new ArrayList<>());
  private final ThreadLocal<FileIndex.Builder> local =
      ThreadLocal.withInitial(
          () -> {
            FileIndex.Builder b = FileIndex.builder(4096);
            parts.add(b);
            return b;
          });

  TreeScanner(Path root, IgnoreRules rules) {
    this.root = root.toAbsolutePath().normalize();
    this.rules = rules;
  }

  private static ForkJoinPool newPool() {
    // Warm page cache makes this CPU-bound; one more thread than cores hides the odd blocking read.
    int threads = Runtime.getRuntime().availableProcessors() + 1;
    return new ForkJoinPool(
        threads,
        pool -> {
          ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
          t.setDaemon(true);
          t.setName("deckhand-index-" + t.getPoolIndex());
          return t;
        },
        null,
        false);
  }

  ScanOutcome scan() throws IOException {
    List<Path> children = list(root);
    IgnoreRules.Frame frame = enter(null, "", root, children);
    POOL.invoke(new DirectoryTask(root, "", frame));
    FileIndex.Builder all =
        FileIndex.builder(parts.stream().mapToInt(FileIndex.Builder::size).sum());
    for (FileIndex.Builder part : parts) {
      all.putAll(part);
    }
    List<ScanProblem> p = new ArrayList<>(problems);
    p.sort(Comparator.comparing(ScanProblem::path, PathOrder.CODE_POINT));
    List<Exclusion> e = new ArrayList<>(exclusions);
    e.sort(Comparator.comparing(Exclusion::path, PathOrder.CODE_POINT));
    return new ScanOutcome(all.build(), p, e);
  }

  private static List<Path> list(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path child : stream) {
        children.add(child);
      }
    }
    return children;
  }

  private IgnoreRules.Frame enter(
      IgnoreRules.Frame parent, String rel, Path dir, List<Path> children) {
    boolean git = false;
    boolean odo = false;
    for (Path child : children) {
      String name = child.getFileName().toString();
      git |= name.equals(IgnoreRules.GITIGNORE);
      odo |= name.equals(IgnoreRules.ODOIGNORE);
    }
    try {
      return rules.enter(parent, rel, dir, git, odo);
    } catch (IOException e) {
      problems.add(new ScanProblem(rel.isEmpty() ? "." : rel, "cannot read ignore file: " + e));
      return parent;
    }
  }

  private final class DirectoryTask extends RecursiveAction {
    private final Path dir;
    private final String rel;
    private final IgnoreRules.Frame frame;

    DirectoryTask(Path dir, String rel, IgnoreRules.Frame frame) {
      this.dir = dir;
      this.rel = rel;
      this.frame = frame;
    }

    @Override
    protected void compute() {
      List<DirectoryTask> subdirs;
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        subdirs = scanEntries(stream);
      } catch (AccessDeniedException e) {
        problems.add(new ScanProblem(rel, "cannot read directory: permission denied"));
        return;
      } catch (NoSuchFileException e) {
        return; // deleted while we walked; the next scan sees it gone
      } catch (IOException e) {
        problems.add(new ScanProblem(rel, "cannot read directory: " + e.getMessage()));
        return;
      }
      if (subdirs != null) {
        invokeAll(subdirs);
      }
    }

    private List<DirectoryTask> scanEntries(DirectoryStream<Path> stream) throws IOException {
      List<Path> children = new ArrayList<>();
      for (Path child : stream) {
        children.add(child);
      }
      IgnoreRules.Frame rulesHere = rel.isEmpty() ? frame : enter(frame, rel, dir, children);
      // stat relative to the open directory (fstatat), as find does: no path walk from / per entry.
      SecureDirectoryStream<Path> secure =
          stream instanceof SecureDirectoryStream<Path> s ? s : null;
      List<DirectoryTask> subdirs = null;
      FileIndex.Builder out = local.get();
      String prefix = rel.isEmpty() ? "" : rel + "/";
      for (Path child : children) {
        Path fileName = child.getFileName();
        String name = fileName.toString();
        String path = prefix + name;
        if (IgnoreRules.alwaysExcluded(name)) {
          if (path.equals(".odo")) {
            continue; // our own metadata; listing it would only be noise
          }
          exclusions.add(
              new Exclusion(path, Exclusion.Reason.ALWAYS_EXCLUDED, name + " is never synced"));
          continue;
        }
        BasicFileAttributes attrs;
        try {
          attrs =
              secure != null
                  ? secure
                      .getFileAttributeView(
                          fileName, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                      .readAttributes()
                  : Files.readAttributes(
                      child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          continue;
        } catch (IOException e) {
          problems.add(new ScanProblem(path, "cannot stat: " + e.getMessage()));
          continue;
        }
        boolean directory = attrs.isDirectory();
        Exclusion.Reason excluded = rules.check(rulesHere, path, name, directory);
        if (excluded != null) {
          exclusions.add(new Exclusion(path, excluded, detail(excluded)));
          continue;
        }
        EntryKind kind;
        if (directory) {
          kind = EntryKind.DIRECTORY;
          if (subdirs == null) {
            subdirs = new ArrayList<>();
          }
          subdirs.add(new DirectoryTask(child, path, rulesHere));
        } else if (attrs.isSymbolicLink()) {
          if (!linkStaysInside(child, path)) {
            continue;
          }
          kind = EntryKind.SYMLINK;
        } else if (attrs.isRegularFile()) {
          kind = EntryKind.FILE;
        } else {
          exclusions.add(
              new Exclusion(
                  path, Exclusion.Reason.ALWAYS_EXCLUDED, "not a file: socket/FIFO/device"));
          continue;
        }
        out.put(path, new IndexEntry(attrs.size(), attrs.lastModifiedTime().toInstant()), kind);
      }
      return subdirs;
    }

    private boolean linkStaysInside(Path link, String path) {
      Path target;
      try {
        target = Files.readSymbolicLink(link);
      } catch (IOException e) {
        problems.add(new ScanProblem(path, "cannot read symlink: " + e.getMessage()));
        return false;
      }
      // Lexical on purpose: following the link could loop or leave the tree.
      boolean inside =
          !target.isAbsolute() && link.getParent().resolve(target).normalize().startsWith(root);
      if (!inside) {
        String why = "symlink points outside the project: -> " + target;
        problems.add(new ScanProblem(path, why));
        exclusions.add(new Exclusion(path, Exclusion.Reason.SYMLINK_OUTSIDE, "-> " + target));
      }
      return inside;
    }
  }

  private static String detail(Exclusion.Reason reason) {
    return switch (reason) {
      case IGNORED -> "matched an ignore rule";
      case SECRET -> "looks like a secret; allow it explicitly to sync it";
      default -> reason.name();
    };
  }
}
