package dev.deckhand.core.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exec per push: delete what was deleted, extract the tar of what changed into the source
 * folder, and report back what arrived, which the engine checks against what it sent. Nothing else
 * touches the container, and the index advances only on this report.
 */
final class RemoteSync {
  static final String NEEDS_FULL = "DECKHAND-NEEDS-FULL";
  private static final String OK = "DECKHAND-SYNC-OK";

  /** Lives in the container's own file system, so it goes when /tmp/src does. */
  private static final String MARKER = "/tmp/.deckhand-synced";

  private static final Pattern TOTAL = Pattern.compile("Total bytes read: (\\d+)");

  /** The outcome the container reported. */
  record Result(boolean needsFull, int entries, long archiveBytes, long contentBytes) {}

  private RemoteSync() {}

  static List<String> command(SyncPlan plan, S2iPaths paths) {
    StringBuilder sh = new StringBuilder("set -e; ");
    if (!plan.full()) {
      // An incremental push into a container that lost /tmp/src (restarted, replaced) would
      // "sync" an empty folder: say so instead, and the engine sends everything.
      sh.append("if [ ! -e ").append(MARKER).append(" ]; then echo ").append(NEEDS_FULL);
      sh.append("; exit 0; fi; ");
    }
    sh.append("mkdir -p ").append(quote(paths.target())).append("; ");
    if (plan.full()) {
      // A full push mirrors the folder: nothing of an earlier (maybe failed) push stays behind.
      String t = quote(paths.target());
      sh.append("rm -rf ")
          .append(t)
          .append("/* ")
          .append(t)
          .append("/.[!.]* ")
          .append(t)
          .append("/..?*; ");
    }
    List<String> targets = new ArrayList<>();
    for (String deleted : plan.delete()) {
      for (String dir : paths.sourceCopies()) {
        targets.add(quote(dir + "/" + deleted));
      }
    }
    if (!targets.isEmpty()) {
      sh.append("rm -rf -- ").append(String.join(" ", targets)).append("; ");
    }
    if (!plan.send().isEmpty()) {
      // -b 20: 10240-byte records, so tar stops at the end-of-archive marker of the padded stream.
      sh.append("tar -x -v -f - -b 20 --totals --no-same-owner -C ")
          .append(quote(paths.target()))
          .append("; ");
    }
    sh.append("touch ").append(MARKER).append("; echo ").append(OK);
    return List.of("sh", "-c", sh.toString());
  }

  /** Runs the sync; throws with the container's words when it did not do what was asked. */
  static Result run(
      ContainerExec exec,
      Path root,
      SyncPlan plan,
      S2iPaths paths,
      TarStreamer.Progress progress,
      Duration timeout)
      throws IOException, InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    TarStreamer.Sent[] sent = new TarStreamer.Sent[1];
    ContainerExec.StdinWriter stdin =
        plan.send().isEmpty()
            ? null
            : in -> sent[0] = TarStreamer.write(root, plan.send(), in, progress);
    int code = exec.run(command(plan, paths), stdin, out, err, timeout);
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IOException(
          "the sync in the container failed (exit " + code + "): " + lastLine(stderr, stdout));
    }
    if (stdout.contains(NEEDS_FULL)) {
      return new Result(true, 0, 0, 0);
    }
    if (!stdout.contains(OK)) {
      throw new IOException("the container did not confirm the sync: " + lastLine(stderr, stdout));
    }
    if (sent[0] == null) {
      return new Result(false, 0, 0, 0);
    }
    verify(plan, sent[0], stdout, stderr);
    return new Result(false, sent[0].entries(), sent[0].archiveBytes(), sent[0].contentBytes());
  }

  /** The names tar listed must be the ones sent, and it must have read the whole archive. */
  private static void verify(SyncPlan plan, TarStreamer.Sent sent, String stdout, String stderr)
      throws IOException {
    Set<String> listed = new HashSet<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank() && !line.equals(OK)) {
        listed.add(stripSlash(line.strip()));
      }
    }
    int missing = 0;
    String example = null;
    for (String path : plan.send()) {
      if (!listed.contains(path)) {
        missing++;
        example = path;
      }
    }
    // A file deleted between scan and send is legitimately absent from the archive.
    if (missing > plan.send().size() - sent.entries()) {
      throw new IOException(
          "the container listed "
              + listed.size()
              + " of "
              + sent.entries()
              + " entries sent (missing e.g. "
              + example
              + ")");
    }
    Matcher m = TOTAL.matcher(stderr);
    if (m.find() && Long.parseLong(m.group(1)) < sent.archiveBytes() - TarStreamer.RECORD) {
      throw new IOException(
          "the container read " + m.group(1) + " of " + sent.archiveBytes() + " bytes sent");
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String lastLine(String... texts) {
    for (String t : texts) {
      String[] lines = t.strip().split("\n");
      if (lines.length > 0 && !lines[lines.length - 1].isBlank()) {
        return lines[lines.length - 1].strip();
      }
    }
    return "no output";
  }
}
