package dev.deckhand.core.lock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One process syncs a component folder at a time: an OS lock on {@code .odo/deckhand.lock}, whose
 * content says who holds it ({@link LockHolder}). The OS drops the lock when its process dies, so a
 * stale file is simply taken over.
 *
 * <p>OS file locks belong to a process, and on Linux closing any channel to the file drops them:
 * within one JVM the folder's lock is therefore opened once and shared (counted) by every caller —
 * the window's push, its auto-sync and its background syncs of the same folder — and the holder
 * file is never opened again while held.
 */
public final class FolderLock {
  /** The lock file, inside the folder's {@code .odo}. */
  public static final String FILE = "deckhand.lock";

  private static final Duration POLL = Duration.ofMillis(200);

  /** Folders this process holds, by real path. Guarded by itself. */
  private static final Map<Path, Held> HELD = new HashMap<>();

  private FolderLock() {}

  /** The lock file of {@code root}. */
  public static Path file(Path root) {
    return root.resolve(".odo").resolve(FILE);
  }

  /**
   * Takes the folder's lock now or says who has it.
   *
   * @param command what holds it, for the other process's message ("deckhand watch")
   * @param lasting whether it is held for long (watch, auto-sync): then others do not wait for it
   * @throws FolderBusyException when another process holds it
   * @throws IOException when the lock file cannot be created or locked ("cannot lock FILE: why")
   */
  public static Lease acquire(Path root, String command, boolean lasting) throws IOException {
    try {
      return tryAcquire(root, new LockHolder(pid(), command, localHost(), Instant.now(), lasting));
    } catch (FolderBusyException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("cannot lock " + file(root) + ": " + reason(e), e);
    }
  }

  /** What went wrong with the file, in words (Java's messages are often just the path). */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Takes the folder's lock, waiting up to {@code wait} for a short-lived holder (a push) to let
   * go; a lasting holder (a watch) is not waited for.
   *
   * @param lasting whether this holds it until stopped (watch, auto-sync)
   * @param waiting told once, with the holder, when this starts to wait
   */
  public static Lease acquire(
      Path root,
      String command,
      boolean lasting,
      Duration wait,
      Consumer<LockHolder> waiting,
      Clock clock)
      throws IOException, InterruptedException {
    Instant deadline = clock.instant().plus(wait);
    boolean told = false;
    while (true) {
      try {
        return acquire(root, command, lasting);
      } catch (FolderBusyException busy) {
        if (busy.holder().lasting() || !clock.instant().isBefore(deadline)) {
          throw busy;
        }
        if (!told) {
          waiting.accept(busy.holder());
          told = true;
        }
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  private static Lease tryAcquire(Path root, LockHolder me) throws IOException {
    Path odo = root.resolve(".odo");
    if (Files.exists(odo) && !Files.isDirectory(odo)) {
      throw new IOException(odo + " is not a folder");
    }
    Files.createDirectories(odo);
    Path key = odo.toRealPath().resolve(FILE);
    synchronized (HELD) {
      Held held = HELD.get(key);
      if (held != null) {
        held.count++;
        if (me.lasting() && !held.holder.lasting()) {
          // Auto-sync joined a push: others must not wait for it to end.
          held.holder =
              new LockHolder(
                  held.holder.pid(),
                  held.holder.command(),
                  held.holder.host(),
                  held.holder.since(),
                  true);
          try {
            write(held.channel, held.holder);
          } catch (IOException e) {
            // the holder lines are advice; the lock itself is held either way
          }
        }
        return new Lease(key, held.holder);
      }
      FileChannel channel =
          FileChannel.open(
              key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException | IOException e) {
        channel.close();
        throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      }
      if (lock == null) {
        // Read through this channel: closing a second one would not matter here (we hold
        // nothing), but there is no need for it either.
        LockHolder holder = LockHolder.parse(read(channel));
        channel.close();
        throw new FolderBusyException(root, holder);
      }
      try {
        write(channel, me);
      } catch (IOException e) {
        lock.release();
        channel.close();
        throw e;
      }
      HELD.put(key, new Held(channel, me));
      return new Lease(key, me);
    }
  }

  private static void write(FileChannel channel, LockHolder holder) throws IOException {
    byte[] text = holder.format().getBytes(StandardCharsets.UTF_8);
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text), 0);
    channel.force(false);
  }

  private static String read(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 4096);
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // read until full or end
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static void release(Path key) {
    synchronized (HELD) {
      Held held = HELD.get(key);
      if (held == null || --held.count > 0) {
        return;
      }
      HELD.remove(key);
      try {
        // The holder lines go with the lock: a file left behind names nobody.
        held.channel.truncate(0);
      } catch (IOException ignored) {
        // the OS lock is what counts
      }
      try {
        held.channel.close(); // releases the OS lock
      } catch (IOException ignored) {
        // closing a file we only locked; nothing to recover
      }
    }
  }

  static long pid() {
    return ProcessHandle.current().pid();
  }

  /** This machine's name as the lock file records it. */
  public static String localHost() {
    return LocalHost.NAME;
  }

  /** Looked up once, when first needed (a name lookup can be slow). */
  private static final class LocalHost {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "localhost";
      }
    }
  }

  private static final class Held {
    final FileChannel channel;
    LockHolder holder;
    int count = 1;

    Held(FileChannel channel, LockHolder holder) {
      this.channel = channel;
      this.holder = holder;
    }
  }

  /** A hold on the folder's lock; closing it gives it up (once). */
  public static final class Lease implements AutoCloseable {
    private final Path key;
    private final LockHolder holder;
    private boolean closed;

    private Lease(Path key, LockHolder holder) {
      this.key = key;
      this.holder = holder;
    }

    /** The process-wide holder this lease shares. */
    public LockHolder holder() {
      return holder;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        release(key);
      }
    }
  }
}
