package dev.deckhand.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Decides what the index leaves out, in this order: {@code .git}/{@code .odo} always; patterns the
 * caller adds; the project's ignore files with git's precedence (deeper directory first, later line
 * first, {@code .git/info/exclude} last); then the secret deny list, which a {@code !negation} in
 * an ignore file cannot lift.
 *
 * <p>Each directory's {@code .odoignore} is appended to its {@code .gitignore} rather than
 * replacing it as odo did, because replacement silently pushed everything {@code .gitignore}
 * protected.
 */
public final class IgnoreRules {
  static final String GITIGNORE = ".gitignore";
  static final String ODOIGNORE = ".odoignore";
  public static final String ALLOW_SECRETS_FILE = ".deckhand-allow-secrets";

  private final IgnoreNode extra;
  private final IgnoreNode infoExclude;
  private final SecretDenyList secrets;
  // The directory walk enters ignore files from several threads; a file read twice warns once.
  private final Set<String> warnings;

  private IgnoreRules(
      IgnoreNode extra, IgnoreNode infoExclude, SecretDenyList secrets, Set<String> warnings) {
    this.extra = extra;
    this.infoExclude = infoExclude;
    this.secrets = secrets;
    this.warnings = warnings;
  }

  public static IgnoreRules load(Path root, IndexOptions options) throws IOException {
    Set<String> warnings = ConcurrentHashMap.newKeySet();
    List<FastIgnoreRule> info =
        GitignoreParsing.rulesOf(
            root.resolve(".git").resolve("info").resolve("exclude"),
            ".git/info/exclude",
            warnings::add);
    return new IgnoreRules(
        options.extraIgnores().isEmpty()
            ? null
            : GitignoreParsing.node(options.extraIgnores(), "extra ignore pattern", warnings::add),
        info.isEmpty() ? null : new IgnoreNode(info),
        SecretDenyList.allowing(
            options.allowSecrets(), allowFileRules(root, warnings::add), warnings::add),
        warnings);
  }

  /** Unusable lines in the ignore files read so far, each naming the file and line. */
  List<String> warnings() {
    List<String> sorted = new ArrayList<>(warnings);
    sorted.sort(null);
    return sorted;
  }

  /**
   * The folder's own allow list, {@value #ALLOW_SECRETS_FILE}: gitignore-style patterns that let
   * matching paths through the secret deny list. A file, not a setting, so the exception is visible
   * next to the code and reviewed with it; a symlink there is not read, as nothing outside the
   * folder may widen what is pushed.
   */
  private static List<FastIgnoreRule> allowFileRules(Path root, Consumer<String> warnings)
      throws IOException {
    Path file = root.resolve(ALLOW_SECRETS_FILE);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    return GitignoreParsing.rulesOf(file, ALLOW_SECRETS_FILE, warnings);
  }

  /** The rules in force inside one directory: its own ignore files plus its parents'. */
  static final class Frame {
    final Frame parent;
    final String dir;
    final IgnoreNode node;

    private Frame(Frame parent, String dir, IgnoreNode node) {
      this.parent = parent;
      this.dir = dir;
      this.node = node;
    }
  }

  /** Frame of the root directory ({@code dirRel} empty) or a subdirectory. */
  Frame enter(Frame parent, String dirRel, Path dirAbs, boolean hasGitignore, boolean hasOdoignore)
      throws IOException {
    if (!hasGitignore && !hasOdoignore) {
      return parent;
    }
    String prefix = dirRel.isEmpty() ? "" : dirRel + "/";
    List<FastIgnoreRule> git =
        hasGitignore
            ? GitignoreParsing.rulesOf(dirAbs.resolve(GITIGNORE), prefix + GITIGNORE, warnings::add)
            : List.of();
    List<FastIgnoreRule> odo =
        hasOdoignore
            ? GitignoreParsing.rulesOf(dirAbs.resolve(ODOIGNORE), prefix + ODOIGNORE, warnings::add)
            : List.of();
    List<FastIgnoreRule> all = GitignoreParsing.concat(git, odo);
    return all.isEmpty() ? parent : new Frame(parent, dirRel, new IgnoreNode(all));
  }

  static boolean alwaysExcluded(String name) {
    return name.equals(".git") || name.equals(".odo");
  }

  /**
   * Why the path is excluded, or null if it belongs in the index. The caller has already handled
   * {@link #alwaysExcluded}.
   */
  Exclusion.Reason check(Frame frame, String relPath, String name, boolean directory) {
    if (extra != null && Boolean.TRUE.equals(extra.checkIgnored(relPath, directory))) {
      return Exclusion.Reason.IGNORED;
    }
    Boolean ignored = null;
    for (Frame f = frame; f != null && ignored == null; f = f.parent) {
      String local = f.dir.isEmpty() ? relPath : relPath.substring(f.dir.length() + 1);
      ignored = f.node.checkIgnored(local, directory);
    }
    if (ignored == null && infoExclude != null) {
      ignored = infoExclude.checkIgnored(relPath, directory);
    }
    if (Boolean.TRUE.equals(ignored)) {
      return Exclusion.Reason.IGNORED;
    }
    if (secrets.denies(relPath, name, directory)) {
      return Exclusion.Reason.SECRET;
    }
    return null;
  }
}
