package dev.deckhand.core.push;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Streams the entries of a plan as a tar, file by file, straight into the exec's stdin: nothing is
 * buffered whole. The archive is padded to full 10240-byte records so GNU tar on the other side
 * stops at the end-of-archive marker without waiting for a stdin close (which a v4 exec cannot
 * send).
 */
final class TarStreamer {
  static final int RECORD = 10240;
  private static final int BUFFER = 64 * 1024;

  /** Called as bytes go out, to report progress. */
  interface Progress {
    void sent(int files, long bytes);
  }

  /** What was written. */
  record Sent(int entries, long contentBytes, long archiveBytes) {}

  private TarStreamer() {}

  static Sent write(Path root, List<String> paths, OutputStream out, Progress progress)
      throws IOException {
    CountingStream counting = new CountingStream(out);
    TarArchiveOutputStream tar = open(counting);
    int entries = 0;
    long content = 0;
    byte[] buf = new byte[BUFFER];
    for (String rel : paths) {
      Path file = root.resolve(rel);
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        // Deleted since the scan: the next scan reports it deleted.
        continue;
      }
      TarArchiveEntry entry;
      if (attrs.isSymbolicLink()) {
        entry = new TarArchiveEntry(rel, TarConstants.LF_SYMLINK);
        entry.setLinkName(linkTarget(file));
      } else if (attrs.isDirectory()) {
        entry = new TarArchiveEntry(rel + "/");
      } else if (attrs.isRegularFile()) {
        entry = new TarArchiveEntry(rel);
        entry.setSize(attrs.size());
      } else {
        continue; // sockets, FIFOs: never sent
      }
      entry.setModTime(attrs.lastModifiedTime());
      entry.setMode(mode(file, attrs));
      tar.putArchiveEntry(entry);
      if (attrs.isRegularFile()) {
        content += copyExactly(file, attrs.size(), tar, buf);
      }
      tar.closeArchiveEntry();
      entries++;
      progress.sent(entries, content);
    }
    tar.finish();
    tar.flush();
    return new Sent(entries, content, counting.count);
  }

  /**
   * One archive holding one file, {@code list}: the paths, each ending in a NUL (the only byte no
   * name contains), for {@code tar -x -O | xargs -0} on the other side. Padded like the files
   * archive, so the files archive can follow it on the same stdin.
   */
  static long writeList(List<String> paths, OutputStream out) throws IOException {
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    for (String p : paths) {
      list.write(p.getBytes(StandardCharsets.UTF_8));
      list.write(0);
    }
    CountingStream counting = new CountingStream(out);
    TarArchiveOutputStream tar = open(counting);
    TarArchiveEntry entry = new TarArchiveEntry("list");
    entry.setSize(list.size());
    entry.setMode(0100600);
    tar.putArchiveEntry(entry);
    list.writeTo(tar);
    tar.closeArchiveEntry();
    tar.finish();
    tar.flush();
    return counting.count;
  }

  /** On Linux a backslash is an ordinary character of a link target; on Windows, a separator. */
  private static String linkTarget(Path link) throws IOException {
    String target = Files.readSymbolicLink(link).toString();
    return java.io.File.separatorChar == '\\' ? target.replace('\\', '/') : target;
  }

  private static TarArchiveOutputStream open(OutputStream out) {
    // Names are UTF-8 on both sides whatever the JVM's default charset (LANG=C gives ASCII).
    TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new NoClose(out), RECORD, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    return tar;
  }

  /**
   * Copies exactly {@code size} bytes, as the header promised: a file that grew is cut, one that
   * shrank is padded. Either way its mtime moved, so the next scan sends it again.
   */
  private static long copyExactly(Path file, long size, OutputStream out, byte[] buf)
      throws IOException {
    long left = size;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        left -= n;
      }
    } catch (NoSuchFileException e) {
      // Vanished while being sent: zeros keep the archive valid.
    }
    while (left > 0) {
      int n = (int) Math.min(buf.length, left);
      java.util.Arrays.fill(buf, 0, n, (byte) 0);
      out.write(buf, 0, n);
      left -= n;
    }
    return size;
  }

  private static int mode(Path file, BasicFileAttributes attrs) throws IOException {
    int type = attrs.isDirectory() ? 040000 : attrs.isSymbolicLink() ? 0120000 : 0100000;
    try {
      Set<PosixFilePermission> perms =
          Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .permissions();
      int bits = 0;
      for (PosixFilePermission p : perms) {
        bits |= 1 << (8 - p.ordinal());
      }
      return type | bits;
    } catch (UnsupportedOperationException e) {
      return type | (attrs.isDirectory() ? 0755 : 0644);
    }
  }

  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** The exec's stdin must stay open: closing it would close a v4 exec's socket. */
  private static final class NoClose extends FilterOutputStream {
    NoClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
