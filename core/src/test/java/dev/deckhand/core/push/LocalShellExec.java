package dev.deckhand.core.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sync script on this machine instead of in a container, with the host's GNU tar and
 * xargs, and with stdin left open until the script ends, as over a v4 exec (which cannot
 * half-close): a script that waited for the end of stdin would hang here too. The container-wide
 * marker file is moved into a temp dir so tests do not touch the real {@code /tmp}.
 */
final class LocalShellExec implements ContainerExec {
  private final String marker;
  final List<List<String>> commands = new ArrayList<>();

  LocalShellExec(java.nio.file.Path marker) {
    this.marker = marker.toString();
  }

  @Override
  public int run(
      List<String> command,
      StdinWriter stdin,
      OutputStream stdout,
      OutputStream stderr,
      Duration timeout)
      throws IOException, InterruptedException {
    commands.add(command);
    List<String> local = new ArrayList<>(command);
    local.set(2, local.get(2).replace("/tmp/.deckhand-synced", marker));
    Process p = new ProcessBuilder(local).start();
    Thread out = pump(p.getInputStream(), stdout);
    Thread err = pump(p.getErrorStream(), stderr);
    OutputStream in = p.getOutputStream();
    try {
      if (stdin != null) {
        try {
          stdin.write(in);
          in.flush();
        } catch (IOException e) {
          // the script ended without reading everything (NEEDS_FULL): like a closed exec
        }
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new ExecTimeoutException("sh did not finish within " + timeout.toSeconds() + " s");
      }
    } finally {
      try {
        in.close();
      } catch (IOException e) {
        // already closed by the exit of the process
      }
    }
    out.join();
    err.join();
    return p.exitValue();
  }

  private static Thread pump(InputStream from, OutputStream to) {
    Thread t =
        new Thread(
            () -> {
              try {
                from.transferTo(to);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    t.start();
    return t;
  }
}
