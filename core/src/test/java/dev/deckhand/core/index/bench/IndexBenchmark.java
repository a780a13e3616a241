package dev.deckhand.core.index.bench;

import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.index.IndexResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Locale;

/**
 * In-process, warm-JVM timings of the indexer for {@code bench/index-bench.sh}, which times the
 * baselines. Not a test: timings on shared CI machines mean nothing.
 *
 * <p>The baselines ({@code find -printf}, {@code git status --porcelain}) run as child processes
 * interleaved with our runs, so background load on a shared machine hits all of them alike.
 *
 * <p>Prints one {@code name median_ms p95_ms} line per scenario.
 */
public final class IndexBenchmark {
  private IndexBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]).toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path index = ComponentIndexer.indexFile(root);

    double[] find = new double[runs];
    double[] gitStatus = new double[runs];
    double[] full = new double[runs];
    double[] persisted = new double[runs];
    double[] rescan = new double[runs];
    double[] rescanFromDisk = new double[runs];
    int entries = 0;
    for (int i = -warmup; i < runs; i++) {
      long f0 = System.nanoTime();
      run("find", root.toString(), "-printf", "%s %T@ %p\\n");
      long f1 = System.nanoTime();
      run("git", "-C", root.toString(), "status", "--porcelain");
      long f2 = System.nanoTime();

      Files.deleteIfExists(index);
      long t0 = System.nanoTime();
      IndexResult r = new ComponentIndexer(root, IndexOptions.defaults()).scan();
      long t1 = System.nanoTime();
      entries = r.index().size();
      check(r.changes().added().size() == entries, "first scan must add everything");

      Files.deleteIfExists(index);
      long t2 = System.nanoTime();
      ComponentIndexer indexer = new ComponentIndexer(root, IndexOptions.defaults());
      indexer.commit(indexer.scan());
      long t3 = System.nanoTime();

      IndexResult again = indexer.scan();
      long t4 = System.nanoTime();
      check(again.changes().isEmpty(), "no-change rescan must be empty: " + again.changes());

      long t5 = rewriteAsNewFile(index);
      IndexResult fromDisk = new ComponentIndexer(root, IndexOptions.defaults()).scan();
      long t6 = System.nanoTime();
      check(fromDisk.changes().isEmpty(), "no-change rescan from disk must be empty");
      if (i >= 0) {
        find[i] = ms(f1 - f0);
        gitStatus[i] = ms(f2 - f1);
        full[i] = ms(t1 - t0);
        persisted[i] = ms(t3 - t2);
        rescan[i] = ms(t4 - t3);
        rescanFromDisk[i] = ms(t6 - t5);
      }
    }
    System.out.println("entries " + entries);
    print("find_printf", find);
    print("git_status_porcelain", gitStatus);
    print("full_index_memory", full);
    print("full_index_persisted", persisted);
    print("rescan_nochange", rescan);
    print("rescan_nochange_index_from_disk", rescanFromDisk);
  }

  /**
   * Same bytes and mtime under a new inode, as after a restart: the indexer must parse the file
   * instead of reusing the index it committed. Returns the time after the rewrite.
   */
  private static long rewriteAsNewFile(Path index) throws IOException {
    FileTime mtime = Files.getLastModifiedTime(index);
    byte[] bytes = Files.readAllBytes(index);
    Files.delete(index);
    Files.write(index, bytes);
    Files.setLastModifiedTime(index, mtime);
    return System.nanoTime();
  }

  private static void run(String... command) throws IOException {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      check(p.waitFor() == 0, String.join(" ", command) + " failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void print(String name, double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    System.out.println(String.format(Locale.ROOT, "%s %.1f %.1f", name, median, p95));
  }
}
