package dev.deckhand.core.watch;

import dev.deckhand.core.index.GitignoreParsing;
import dev.deckhand.core.index.IndexOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The watcher's view of the ignore rules: which directories not to register and which events to
 * drop. It mirrors {@code index.IgnoreRules} (same sources, same precedence: extra patterns, then
 * each directory's {@code .gitignore}+{@code .odoignore} from the deepest up, then {@code
 * .git/info/exclude}) because that class keeps its matching package-private to the indexer.
 *
 * <p>It only has to be conservative, not exact: the indexer's scan decides what is pushed. A path
 * wrongly kept costs a no-op push; a path wrongly dropped would be a missed change, so any read
 * error here counts as "not ignored". The secret deny list is not applied: a change to {@code .env}
 * triggers a scan that then pushes nothing.
 */
final class WatchIgnores {
  static final String GITIGNORE = ".gitignore";
  static final String ODOIGNORE = ".odoignore";

  private final Path root;
  private final IgnoreNode extra;
  private final Map<String, Optional<IgnoreNode>> nodes = new ConcurrentHashMap<>();
  private final Map<String, Boolean> excludedDirs = new ConcurrentHashMap<>();
  private volatile Optional<IgnoreNode> infoExclude;

  WatchIgnores(Path root, IndexOptions options) {
    this.root = root;
    this.extra =
        options.extraIgnores().isEmpty()
            ? null
            : new IgnoreNode(
                parse(String.join("\n", options.extraIgnores()).getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code .git} and {@code .odo} at any depth, as the indexer: never pushed, never watched. */
  static boolean isAlwaysExcluded(String rel) {
    for (String segment : rel.split("/")) {
      if (segment.equals(".git") || segment.equals(".odo")) {
        return true;
      }
    }
    return false;
  }

  static boolean isIgnoreFile(String name) {
    return name.equals(GITIGNORE) || name.equals(ODOIGNORE);
  }

  /** Whether the path or any directory above it is excluded. {@code rel} uses '/' separators. */
  boolean isExcluded(String rel, boolean directory) {
    if (rel.isEmpty()) {
      return false;
    }
    if (isAlwaysExcluded(rel)) {
      return true;
    }
    int slash = rel.lastIndexOf('/');
    if (slash > 0 && isExcludedDir(rel.substring(0, slash))) {
      return true;
    }
    return directory ? isExcludedDir(rel) : ignoredHere(rel, false);
  }

  private boolean isExcludedDir(String dirRel) {
    Boolean known = excludedDirs.get(dirRel);
    if (known != null) {
      return known;
    }
    int slash = dirRel.lastIndexOf('/');
    boolean excluded =
        isAlwaysExcluded(dirRel)
            || (slash > 0 && isExcludedDir(dirRel.substring(0, slash)))
            || ignoredHere(dirRel, true);
    excludedDirs.put(dirRel, excluded);
    return excluded;
  }

  /** The path's own verdict, its parent directories assumed to be included. */
  boolean ignoredHere(String rel, boolean directory) {
    if (extra != null && Boolean.TRUE.equals(extra.checkIgnored(rel, directory))) {
      return true;
    }
    String dir = parentOf(rel);
    while (true) {
      IgnoreNode node = nodeOf(dir);
      if (node != null) {
        String local = dir.isEmpty() ? rel : rel.substring(dir.length() + 1);
        Boolean verdict = node.checkIgnored(local, directory);
        if (verdict != null) {
          return verdict;
        }
      }
      if (dir.isEmpty()) {
        break;
      }
      dir = parentOf(dir);
    }
    IgnoreNode info = infoExclude();
    return info != null && Boolean.TRUE.equals(info.checkIgnored(rel, directory));
  }

  /** An ignore file in {@code dirRel} changed: read it again next time, re-decide every dir. */
  void forget(String dirRel) {
    nodes.remove(dirRel);
    excludedDirs.clear();
  }

  private IgnoreNode nodeOf(String dirRel) {
    return nodes.computeIfAbsent(dirRel, this::load).orElse(null);
  }

  private Optional<IgnoreNode> load(String dirRel) {
    Path dir = dirRel.isEmpty() ? root : root.resolve(dirRel);
    List<FastIgnoreRule> rules = new ArrayList<>(read(dir.resolve(GITIGNORE)));
    // Appended after .gitignore, so an .odoignore line wins over a .gitignore line, as in the
    // index.
    rules.addAll(read(dir.resolve(ODOIGNORE)));
    return rules.isEmpty() ? Optional.empty() : Optional.of(new IgnoreNode(rules));
  }

  private IgnoreNode infoExclude() {
    Optional<IgnoreNode> node = infoExclude;
    if (node == null) {
      List<FastIgnoreRule> rules = read(root.resolve(".git").resolve("info").resolve("exclude"));
      node = rules.isEmpty() ? Optional.empty() : Optional.of(new IgnoreNode(rules));
      infoExclude = node;
    }
    return node.orElse(null);
  }

  private static List<FastIgnoreRule> read(Path file) {
    try {
      return parse(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | RuntimeException e) {
      // Unreadable rules: watch more rather than less (see class comment).
      return List.of();
    }
  }

  // The indexer's parsing, so an invalid line is skipped alike (and quietly: the scan that the
  // watcher triggers reports it in its warnings).
  private static List<FastIgnoreRule> parse(byte[] text) {
    return GitignoreParsing.rules(text, "", w -> {});
  }

  static String parentOf(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? "" : rel.substring(0, slash);
  }

  /** Root-relative, '/'-separated; null when the path is not under the root. */
  static String relative(Path root, Path path) {
    if (!path.startsWith(root)) {
      return null;
    }
    Path rel = root.relativize(path);
    StringBuilder out = new StringBuilder();
    for (Path segment : rel) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(segment);
    }
    return out.toString();
  }
}
