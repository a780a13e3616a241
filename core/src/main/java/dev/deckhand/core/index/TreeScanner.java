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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

/**
 * Walks a component tree with lstat semantics, one fork-join task per directory so both cores stay
 * busy with syscalls. Ignored directories are never opened, which is where most of the speed on
 * real projects comes from ({@code node_modules}, {@code target}).
 *
 * <p>The result comes out already in Go's key order: each directory sorts only its own few
 * children, and a subdirectory's block of keys is placed as if it were the string {@code name/}.
 * Sorting 100k full paths with long shared prefixes afterwards cost more than the walk itself.
 */
final class TreeScanner {
  private static final ForkJoinPool POOL = newPool();

  private final Path root;
  private final IgnoreRules rules;
  private final List<ScanProblem> problems = Collections.synchronizedList(new ArrayList<>());
  private final List<Exclusion> exclusions = Collections.synchronizedList(new ArrayList<>());

  TreeScanner(Path root, IgnoreRules rules) {
    this.root = root.toAbsolutePath().normalize();
    this.rules = rules;
  }

  private static ForkJoinPool newPool() {
    int threads =
        Integer.getInteger("deckhand.index.threads", Runtime.getRuntime().availableProcessors());
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
    // Fail loudly on an unreadable root; deeper directories only become problems.
    Files.newDirectoryStream(root).close();
    DirectoryTask top = new DirectoryTask(root, "", null);
    POOL.invoke(top);
    Sink sink = new Sink(top.count());
    top.emit(sink);
    List<ScanProblem> p = new ArrayList<>(problems);
    p.sort(Comparator.comparing(ScanProblem::path, PathOrder.CODE_POINT));
    List<Exclusion> e = new ArrayList<>(exclusions);
    e.sort(Comparator.comparing(Exclusion::path, PathOrder.CODE_POINT));
    return new ScanOutcome(
        FileIndex.ofSorted(sink.paths, sink.sizes, sink.seconds, sink.nanos, sink.kinds), p, e);
  }

  private IgnoreRules.Frame enter(
      IgnoreRules.Frame parent, String rel, Path dir, String[] names, int count) {
    boolean git = false;
    boolean odo = false;
    for (int i = 0; i < count; i++) {
      git |= names[i].equals(IgnoreRules.GITIGNORE);
      odo |= names[i].equals(IgnoreRules.ODOIGNORE);
    }
    try {
      return rules.enter(parent, rel, dir, git, odo);
    } catch (IOException e) {
      problems.add(new ScanProblem(rel.isEmpty() ? "." : rel, "cannot read ignore file: " + e));
      return parent;
    }
  }

  /** An entry (under its name) or a subdirectory's block of keys (under {@code name/}). */
  private record Slot(String key, int index, boolean subtree) {}

  private static final Comparator<Slot> SLOT_ORDER = (a, b) -> PathOrder.compare(a.key(), b.key());

  private static final class Sink {
    final String[] paths;
    final long[] sizes;
    final long[] seconds;
    final int[] nanos;
    final EntryKind[] kinds;
    int next;

    Sink(int size) {
      paths = new String[size];
      sizes = new long[size];
      seconds = new long[size];
      nanos = new int[size];
      kinds = new EntryKind[size];
    }
  }

  private final class DirectoryTask extends RecursiveAction {
    private final Path dir;
    private final String rel;
    private final IgnoreRules.Frame frame;
    private String[] names;
    private String[] paths;
    private long[] sizes;
    private long[] seconds;
    private int[] nanos;
    private EntryKind[] kinds;
    private DirectoryTask[] subtasks;
    private int kept;

    DirectoryTask(Path dir, String rel, IgnoreRules.Frame frame) {
      this.dir = dir;
      this.rel = rel;
      this.frame = frame;
    }

    @Override
    protected void compute() {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        scanEntries(stream);
      } catch (AccessDeniedException e) {
        problems.add(new ScanProblem(rel, "cannot read directory: permission denied"));
        return;
      } catch (NoSuchFileException e) {
        return; // deleted while we walked; the next scan sees it gone
      } catch (IOException e) {
        problems.add(new ScanProblem(rel, "cannot read directory: " + e.getMessage()));
        return;
      }
      List<DirectoryTask> forks = null;
      for (int i = 0; i < kept; i++) {
        if (subtasks != null && subtasks[i] != null) {
          if (forks == null) {
            forks = new ArrayList<>();
          }
          forks.add(subtasks[i]);
        }
      }
      if (forks != null) {
        invokeAll(forks);
      }
    }

    private void scanEntries(DirectoryStream<Path> stream) throws IOException {
      List<Path> children = new ArrayList<>();
      for (Path child : stream) {
        children.add(child);
      }
      int n = children.size();
      Path[] fileNames = new Path[n];
      String[] childNames = new String[n];
      for (int i = 0; i < n; i++) {
        fileNames[i] = children.get(i).getFileName();
        childNames[i] = fileNames[i].toString();
      }
      IgnoreRules.Frame rulesHere = enter(frame, rel, dir, childNames, n);
      // stat relative to the open directory (fstatat), as find does: no path walk from / per entry.
      SecureDirectoryStream<Path> secure =
          stream instanceof SecureDirectoryStream<Path> s ? s : null;
      names = new String[n];
      paths = new String[n];
      sizes = new long[n];
      seconds = new long[n];
      nanos = new int[n];
      kinds = new EntryKind[n];
      String prefix = rel.isEmpty() ? "" : rel + "/";
      for (int i = 0; i < n; i++) {
        Path child = children.get(i);
        String name = childNames[i];
        String path = prefix + name;
        if (IgnoreRules.alwaysExcluded(name)) {
          if (!path.equals(".odo")) { // our own metadata; listing it would only be noise
            exclusions.add(
                new Exclusion(path, Exclusion.Reason.ALWAYS_EXCLUDED, name + " is never synced"));
          }
          continue;
        }
        BasicFileAttributes attrs;
        try {
          attrs =
              secure != null
                  ? secure
                      .getFileAttributeView(
                          fileNames[i], BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
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
        if (!roundTrips(fileNames[i], name)) {
          problems.add(new ScanProblem(path, unreadableName("name")));
          continue;
        }
        EntryKind kind;
        if (directory) {
          kind = EntryKind.DIRECTORY;
          if (subtasks == null) {
            subtasks = new DirectoryTask[n];
          }
          subtasks[kept] = new DirectoryTask(child, path, rulesHere);
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
        names[kept] = name;
        paths[kept] = path;
        Instant mtime = attrs.lastModifiedTime().toInstant();
        sizes[kept] = attrs.size();
        seconds[kept] = mtime.getEpochSecond();
        nanos[kept] = mtime.getNano();
        kinds[kept] = kind;
        kept++;
      }
    }

    int count() {
      int total = kept;
      if (subtasks != null) {
        for (int i = 0; i < kept; i++) {
          if (subtasks[i] != null) {
            total += subtasks[i].count();
          }
        }
      }
      return total;
    }

    void emit(Sink sink) {
      Slot[] slots = new Slot[subtasks == null ? kept : kept * 2];
      int n = 0;
      for (int i = 0; i < kept; i++) {
        slots[n++] = new Slot(names[i], i, false);
        if (subtasks != null && subtasks[i] != null) {
          slots[n++] = new Slot(names[i] + "/", i, true);
        }
      }
      Arrays.sort(slots, 0, n, SLOT_ORDER);
      for (int j = 0; j < n; j++) {
        Slot slot = slots[j];
        if (slot.subtree()) {
          subtasks[slot.index()].emit(sink);
        } else {
          int at = sink.next++;
          sink.paths[at] = paths[slot.index()];
          sink.sizes[at] = sizes[slot.index()];
          sink.seconds[at] = seconds[slot.index()];
          sink.nanos[at] = nanos[slot.index()];
          sink.kinds[at] = kinds[slot.index()];
        }
      }
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
      if (!roundTrips(target, target.toString())) {
        problems.add(new ScanProblem(path, unreadableName("link target")));
        return false;
      }
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

  /**
   * Java decodes file names with {@code sun.jnu.encoding}; bytes it cannot decode become U+FFFD,
   * and that string names another file, or none. Such a path could be neither sent nor deleted by
   * name, so it stays out of the index as a problem the user fixes by renaming. Unix paths compare
   * by their bytes, so this is exact (a real U+FFFD in a valid name passes).
   */
  private static boolean roundTrips(Path raw, String decoded) {
    return decoded.indexOf('\uFFFD') < 0 || raw.equals(raw.getFileSystem().getPath(decoded));
  }

  static String unreadableName(String what) {
    String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
    return encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8")
        ? "not synced: the " + what + " is not valid UTF-8 (shown with \uFFFD); rename it"
        : "not synced: the "
            + what
            + " cannot be read in this locale's encoding ("
            + encoding
            + "); run Deckhand with a UTF-8 locale, e.g. LANG=C.UTF-8";
  }

  private static String detail(Exclusion.Reason reason) {
    return switch (reason) {
      case IGNORED -> "matched an ignore rule";
      case SECRET -> "looks like a secret; allow it explicitly to sync it";
      default -> reason.name();
    };
  }
}
