package dev.deckhand.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sandbox per data folder: an OS lock on {@code <dataDir>/sandbox.lock} held for the sandbox's
 * lifetime. Two sandboxes on one folder would share a podman instance id and one kubeconfig file,
 * so each would remove and overwrite the other's pods. The OS drops the lock when the process dies,
 * so a killed sandbox's folder is taken over by the next start.
 *
 * <p>Who holds it is written beside the lock ({@code sandbox.holder}), not into it: on Linux,
 * closing any descriptor of a locked file releases the process's lock on it, so nothing in this
 * process may open the lock file twice. For the same reason the folders locked by this process are
 * remembered here and a second lock in the same process is refused before the file is opened.
 */
public final class SandboxLock implements AutoCloseable {
  static final String LOCK_FILE = "sandbox.lock";
  static final String HOLDER_FILE = "sandbox.holder";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, SandboxLock> HELD_HERE = new ConcurrentHashMap<>();

  private final Path dataDir;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private volatile SandboxHolder holder;
  private boolean closed;

  private SandboxLock(
      Path dataDir, Path key, FileChannel channel, FileLock lock, SandboxHolder holder) {
    this.dataDir = dataDir;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
  }

  /**
   * Locks {@code dataDir} for this process, recording {@code command} (e.g. "deckhand sandbox") as
   * its holder.
   *
   * @throws SandboxBusyException when another sandbox, in this process or another, holds it
   */
  public static SandboxLock acquire(Path dataDir, String command) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    // Two names of one folder (a symlink) must meet in HELD_HERE.
    Path key = dir.toRealPath();
    SandboxHolder me =
        new SandboxHolder(
            ProcessHandle.current().pid(),
            command,
            null,
            dir.resolve("kubeconfig").toString(),
            Instant.now().toEpochMilli());
    synchronized (HELD_HERE) {
      SandboxLock here = HELD_HERE.get(key);
      if (here != null) {
        throw new SandboxBusyException(dir, here.holder);
      }
      FileChannel channel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Held in this process through a path HELD_HERE did not know; keep the channel open,
        // closing it would drop that lock at the OS level.
        throw new SandboxBusyException(dir, readHolder(dir));
      } catch (IOException e) {
        channel.close();
        throw new IOException(
            "cannot lock "
                + dir.resolve(LOCK_FILE)
                + " ("
                + e.getMessage()
                + "); choose a data folder on a local disk",
            e);
      }
      if (lock == null) {
        channel.close();
        throw new SandboxBusyException(dir, readHolder(dir));
      }
      SandboxLock held = new SandboxLock(dir, key, channel, lock, me);
      try {
        held.writeHolder();
      } catch (IOException e) {
        held.close();
        throw e;
      }
      HELD_HERE.put(key, held);
      return held;
    }
  }

  /** Records the API URL once the server listens, for whoever is refused next. */
  public void serving(String url) throws IOException {
    holder = holder.withUrl(url);
    writeHolder();
  }

  public SandboxHolder holder() {
    return holder;
  }

  private void writeHolder() throws IOException {
    Path target = dataDir.resolve(HOLDER_FILE);
    Path tmp = dataDir.resolve(HOLDER_FILE + ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(holder));
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Who holds the folder's lock as it recorded it; null when it recorded nothing readable. */
  private static SandboxHolder readHolder(Path dir) {
    try {
      SandboxHolder h = JSON.readValue(dir.resolve(HOLDER_FILE).toFile(), SandboxHolder.class);
      // A holder file left by a process that has ended says nothing about the live holder.
      return ProcessHandle.of(h.pid()).map(ProcessHandle::isAlive).orElse(false) ? h : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Releases the folder; the holder file goes first so no reader sees it without a lock. */
  @Override
  public void close() {
    synchronized (HELD_HERE) {
      if (closed) {
        return; // the folder may have a new holder by now: its holder file stays
      }
      closed = true;
      HELD_HERE.remove(key, this);
      try {
        Files.deleteIfExists(dataDir.resolve(HOLDER_FILE));
      } catch (IOException e) {
        // a stale holder file is ignored by readers once this process has ended
      }
      try {
        if (lock.isValid()) {
          lock.release();
        }
        channel.close();
      } catch (IOException e) {
        // the OS releases the lock when the descriptor goes, at the latest when the process ends
      }
    }
  }
}
