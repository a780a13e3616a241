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

  /** Copied into every component container by the init container, with odo's scripts. */
  private static final String BUSYBOX = "/opt/odo/bin/busybox";

  private static final Pattern NOT_A_CAUSE =
      Pattern.compile("^Total bytes read|Exiting with failure status due to previous errors");
  private static final Pattern TOTAL = Pattern.compile("Total bytes read: (\\d+)");

  /** The outcome the container reported. */
  record Result(boolean needsFull, int entries, long archiveBytes, long contentBytes) {}

  private RemoteSync() {}

  /**
   * The sync script. Its size depends only on the source folders, never on the plan: what can grow
   * (the deleted paths, the files) comes through stdin, as a padded archive holding the delete list
   * and then the padded archive of the files. GNU tar stops reading at the end of each.
   */
  static List<String> command(SyncPlan plan, S2iPaths paths) {
    StringBuilder sh = new StringBuilder("set -e; ");
    if (!plan.full()) {
      // An incremental push into a container that lost /tmp/src (restarted, replaced) would
      // "sync" an empty folder: say so instead, and the engine sends everything.
      sh.append("if [ ! -e ").append(MARKER).append(" ]; then ").append(marker(NEEDS_FULL));
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
    if (!deletions(plan).isEmpty()) {
      // A directory of its own per exec: two syncs never share a list.
      sh.append("d=$(mktemp -d /tmp/.deckhand-sync.XXXXXX); trap 'rm -rf \"$d\"' EXIT; ");
      sh.append("tar -x -O -f - -b 20 >\"$d/list\"; ");
      // Minimal builder images may lack xargs; the init container's busybox has it.
      sh.append("x=xargs; command -v xargs >/dev/null || x='").append(BUSYBOX).append(" xargs'; ");
      for (String dir : paths.sourceCopies()) {
        String q = quote(dir);
        sh.append("if [ -d ")
            .append(q)
            .append(" ]; then (cd ")
            .append(q)
            .append(" && $x -0 -r rm -rf -- <\"$d/list\"); fi; ");
      }
    }
    if (!plan.send().isEmpty()) {
      // -b 20: 10240-byte records, so tar stops at the end-of-archive marker of the padded stream.
      sh.append("tar -x -v -f - -b 20 --totals --no-same-owner --quoting-style=escape -C ")
          .append(quote(paths.target()))
          .append("; ");
    }
    sh.append("touch ").append(MARKER).append("; ").append(marker(OK));
    return List.of("sh", "-c", sh.toString());
  }

  /** A line no tar listing can contain: tar escapes the control byte it starts with. */
  private static String marker(String word) {
    return "printf '\\001" + word + "\\n'";
  }

  /**
   * What goes on the delete list: relative paths that stay inside a source folder. An index file is
   * user-editable; a path like {@code ../x} or {@code ""} must never reach {@code rm -rf}.
   */
  static List<String> deletions(SyncPlan plan) {
    List<String> out = new ArrayList<>();
    for (String p : plan.delete()) {
      if (staysInside(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean staysInside(String p) {
    if (p.isEmpty() || p.startsWith("/") || p.indexOf('\0') >= 0) {
      return false;
    }
    for (String part : p.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
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
    List<String> deletions = deletions(plan);
    ContainerExec.StdinWriter stdin =
        plan.send().isEmpty() && deletions.isEmpty()
            ? null
            : in -> {
              if (!deletions.isEmpty()) {
                TarStreamer.writeList(deletions, in);
              }
              if (!plan.send().isEmpty()) {
                sent[0] = TarStreamer.write(root, plan.send(), in, progress);
              }
            };
    int code = exec.run(command(plan, paths), stdin, out, err, timeout);
    TarListing listing = TarListing.parse(out.toByteArray());
    String stderr = err.toString(StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IOException(
          "the sync in the container failed (exit " + code + "): " + lastLine(stderr, ""));
    }
    if (listing.has(NEEDS_FULL)) {
      return new Result(true, 0, 0, 0);
    }
    if (!listing.has(OK)) {
      throw new IOException(
          "the container did not confirm the sync: "
              + lastLine(stderr, out.toString(StandardCharsets.UTF_8)));
    }
    if (sent[0] == null) {
      return new Result(false, 0, 0, 0);
    }
    verify(plan, sent[0], listing, stderr);
    return new Result(false, sent[0].entries(), sent[0].archiveBytes(), sent[0].contentBytes());
  }

  /**
   * The names tar listed must be exactly the ones sent (both ways, byte for byte), and it must have
   * read the whole archive.
   */
  static void verify(SyncPlan plan, TarStreamer.Sent sent, TarListing listing, String stderr)
      throws IOException {
    if (!listing.undecodable().isEmpty()) {
      throw new IOException(
          "the container listed a name that is not UTF-8: " + shown(listing.undecodable().get(0)));
    }
    Set<String> listed = new HashSet<>(listing.names());
    Set<String> planned = new HashSet<>(plan.send());
    for (String name : listed) {
      if (!planned.contains(name)) {
        throw new IOException("the container listed an entry that was not sent: " + shown(name));
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
              + shown(example)
              + ")");
    }
    Matcher m = TOTAL.matcher(stderr);
    if (m.find() && Long.parseLong(m.group(1)) < sent.archiveBytes() - TarStreamer.RECORD) {
      throw new IOException(
          "the container read " + m.group(1) + " of " + sent.archiveBytes() + " bytes sent");
    }
  }

  /** A name on one line: control characters as escapes, the rest as is. */
  static String shown(String name) {
    StringBuilder b = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (c == '\n') {
                b.append("\\n");
              } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * The line that says what went wrong: the last one, skipping tar's summaries ("Exiting with
   * failure status due to previous errors", the totals), which name no file and no cause.
   */
  static String lastLine(String... texts) {
    for (String t : texts) {
      String[] lines = t.strip().split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        String line = lines[i].strip();
        if (!line.isEmpty() && !NOT_A_CAUSE.matcher(line).find()) {
          return line;
        }
      }
    }
    return "no output";
  }
}
