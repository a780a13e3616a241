package dev.deckhand.core.index;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable index: relative, forward-slash paths in Go's key order, each with size and mtime.
 * Backed by sorted primitive arrays rather than a TreeMap of objects: it is built once from 100k
 * entries and then only read, and the diff walks two of them side by side, which stays in cache.
 */
public final class FileIndex {
  private static final FileIndex EMPTY =
      new FileIndex(new String[0], new long[0], new long[0], new int[0], new EntryKind[0]);

  private final String[] paths;
  private final long[] sizes;
  private final long[] seconds;
  private final int[] nanos;
  private final EntryKind[] kinds;

  private FileIndex(String[] paths, long[] sizes, long[] seconds, int[] nanos, EntryKind[] kinds) {
    this.paths = paths;
    this.sizes = sizes;
    this.seconds = seconds;
    this.nanos = nanos;
    this.kinds = kinds;
  }

  /** Takes ownership of arrays already in Go key order without duplicates. */
  static FileIndex ofSorted(
      String[] paths, long[] sizes, long[] seconds, int[] nanos, EntryKind[] kinds) {
    return new FileIndex(paths, sizes, seconds, nanos, kinds);
  }

  public static FileIndex empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder(16);
  }

  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  public int size() {
    return paths.length;
  }

  public boolean isEmpty() {
    return paths.length == 0;
  }

  public IndexEntry get(String path) {
    int i = indexOf(path);
    return i < 0 ? null : entryAt(i);
  }

  public boolean contains(String path) {
    return indexOf(path) >= 0;
  }

  /**
   * The kind recorded by the scan that built this index, or UNKNOWN for an index read from disk.
   */
  public EntryKind kind(String path) {
    int i = indexOf(path);
    return i < 0 ? EntryKind.UNKNOWN : kinds[i];
  }

  /**
   * Whether the path is a directory: known from the scan, else inferred the only way odo's file
   * allows, from another key living under it. An empty directory read from disk looks like a file.
   */
  public boolean isDirectory(String path) {
    int i = indexOf(path);
    if (i >= 0 && kinds[i] != EntryKind.UNKNOWN) {
      return kinds[i] == EntryKind.DIRECTORY;
    }
    return hasDescendants(path);
  }

  public boolean isSymlink(String path) {
    return kind(path) == EntryKind.SYMLINK;
  }

  /** Same as {@link #kind} but infers DIRECTORY/FILE when the kind was not recorded. */
  EntryKind effectiveKind(String path) {
    int i = indexOf(path);
    if (i >= 0 && kinds[i] != EntryKind.UNKNOWN) {
      return kinds[i];
    }
    return hasDescendants(path) ? EntryKind.DIRECTORY : EntryKind.FILE;
  }

  private boolean hasDescendants(String path) {
    String prefix = path + "/";
    int i = Arrays.binarySearch(paths, prefix, PathOrder.CODE_POINT);
    int next = i >= 0 ? i : -i - 1;
    return next < paths.length && paths[next].startsWith(prefix);
  }

  /** Entries in Go's key order; lookups are binary searches. */
  public Map<String, IndexEntry> entries() {
    return new SortedView();
  }

  String pathAt(int i) {
    return paths[i];
  }

  IndexEntry entryAt(int i) {
    return new IndexEntry(sizes[i], Instant.ofEpochSecond(seconds[i], nanos[i]));
  }

  long sizeAt(int i) {
    return sizes[i];
  }

  /** Whether entry i here and entry j there have the same size and mtime (to the nanosecond). */
  boolean sameStat(int i, FileIndex other, int j) {
    return sizes[i] == other.sizes[j]
        && seconds[i] == other.seconds[j]
        && nanos[i] == other.nanos[j];
  }

  /** Whether entry i's mtime is at or after the given instant. */
  boolean modifiedAtOrAfter(int i, Instant t) {
    return seconds[i] > t.getEpochSecond()
        || (seconds[i] == t.getEpochSecond() && nanos[i] >= t.getNano());
  }

  EntryKind kindAt(int i) {
    return kinds[i];
  }

  private int indexOf(String path) {
    return path == null ? -1 : Arrays.binarySearch(paths, path, PathOrder.CODE_POINT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileIndex other
        && Arrays.equals(paths, other.paths)
        && Arrays.equals(sizes, other.sizes)
        && Arrays.equals(seconds, other.seconds)
        && Arrays.equals(nanos, other.nanos);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(paths) * 31 + Arrays.hashCode(seconds);
  }

  @Override
  public String toString() {
    return "FileIndex[" + paths.length + " entries]";
  }

  private final class SortedView extends AbstractMap<String, IndexEntry> {
    @Override
    public int size() {
      return paths.length;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String s && indexOf(s) >= 0;
    }

    @Override
    public IndexEntry get(Object key) {
      return key instanceof String s ? FileIndex.this.get(s) : null;
    }

    @Override
    public Set<Entry<String, IndexEntry>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return paths.length;
        }

        @Override
        public Iterator<Entry<String, IndexEntry>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < paths.length;
            }

            @Override
            public Entry<String, IndexEntry> next() {
              if (next >= paths.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(paths[i], entryAt(i));
            }
          };
        }
      };
    }
  }

  /** Collects entries in any order; a later duplicate replaces an earlier one, as in a Go map. */
  public static final class Builder {
    private String[] paths;
    private long[] sizes;
    private long[] seconds;
    private int[] nanos;
    private EntryKind[] kinds;
    private int count;

    private Builder(int expected) {
      int n = Math.max(expected, 4);
      paths = new String[n];
      sizes = new long[n];
      seconds = new long[n];
      nanos = new int[n];
      kinds = new EntryKind[n];
    }

    public Builder put(String path, IndexEntry entry) {
      return put(path, entry, EntryKind.UNKNOWN);
    }

    public Builder put(String path, IndexEntry entry, EntryKind kind) {
      if (count == paths.length) {
        int n = count * 2;
        paths = Arrays.copyOf(paths, n);
        sizes = Arrays.copyOf(sizes, n);
        seconds = Arrays.copyOf(seconds, n);
        nanos = Arrays.copyOf(nanos, n);
        kinds = Arrays.copyOf(kinds, n);
      }
      paths[count] = path;
      sizes[count] = entry.size();
      seconds[count] = entry.modified().getEpochSecond();
      nanos[count] = entry.modified().getNano();
      kinds[count] = kind;
      count++;
      return this;
    }

    // Index files are written sorted, so reading one usually needs no sort at all.
    private boolean strictlySorted() {
      for (int i = 1; i < count; i++) {
        if (PathOrder.compare(paths[i - 1], paths[i]) >= 0) {
          return false;
        }
      }
      return true;
    }

    public FileIndex build() {
      if (strictlySorted()) {
        return new FileIndex(
            Arrays.copyOf(paths, count),
            Arrays.copyOf(sizes, count),
            Arrays.copyOf(seconds, count),
            Arrays.copyOf(nanos, count),
            Arrays.copyOf(kinds, count));
      }
      Integer[] order = new Integer[count];
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      // Stable sort, so among equal keys the last put stays last and wins below.
      Arrays.sort(order, (a, b) -> PathOrder.compare(paths[a], paths[b]));
      String[] p = new String[count];
      long[] sz = new long[count];
      long[] sec = new long[count];
      int[] ns = new int[count];
      EntryKind[] k = new EntryKind[count];
      int n = 0;
      for (int j = 0; j < count; j++) {
        int i = order[j];
        if (n > 0 && p[n - 1].equals(paths[i])) {
          n--;
        }
        p[n] = paths[i];
        sz[n] = sizes[i];
        sec[n] = seconds[i];
        ns[n] = nanos[i];
        k[n] = kinds[i];
        n++;
      }
      return new FileIndex(
          Arrays.copyOf(p, n),
          Arrays.copyOf(sz, n),
          Arrays.copyOf(sec, n),
          Arrays.copyOf(ns, n),
          Arrays.copyOf(k, n));
    }
  }
}
