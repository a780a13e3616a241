package dev.deckhand.core.index;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Names that are almost always credentials. Container images built from a synced tree leak exactly
 * these (C.4 in the engineering notes), and odo 1.x pushed {@code .env} whenever a {@code
 * .odoignore} existed, so they stay out unless the user allows them by pattern.
 */
final class SecretDenyList {
  static final List<String> PATTERNS =
      List.of(
          ".env",
          ".env.*",
          "*.pem",
          "*.key",
          "id_rsa*",
          "id_dsa*",
          "id_ecdsa*",
          "id_ed25519*",
          "*.p12",
          "*.pfx",
          "*.jks",
          "*.keystore",
          ".aws/",
          ".kube/",
          ".ssh/",
          ".gnupg/",
          ".npmrc",
          ".pypirc",
          ".netrc",
          // A pattern with a slash is anchored in gitignore syntax; this one must match anywhere.
          "**/.docker/config.json",
          "*.tfstate",
          "*.tfstate.*");

  private static final String[] SUFFIXES = {
    ".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".tfstate"
  };

  private final IgnoreNode deny =
      GitignoreParsing.node(
          PATTERNS,
          "the secret deny list",
          w -> {
            throw new IllegalStateException(w);
          });
  private final IgnoreNode allow;

  SecretDenyList(List<String> allowPatterns) {
    this(
        allowPatterns.isEmpty()
            ? null
            : GitignoreParsing.node(
                allowPatterns,
                "allow patterns",
                w -> {
                  throw new IllegalArgumentException(w);
                }));
  }

  private SecretDenyList(IgnoreNode allow) {
    this.allow = allow;
  }

  /** The deny list with the allow patterns of the options and of the folder's allow file. */
  static SecretDenyList allowing(
      List<String> patterns, List<FastIgnoreRule> fileRules, Consumer<String> warnings) {
    List<FastIgnoreRule> all =
        GitignoreParsing.concat(
            GitignoreParsing.rules(
                String.join("\n", patterns).getBytes(UTF_8), "allowed secret pattern", warnings),
            fileRules);
    return new SecretDenyList(all.isEmpty() ? null : new IgnoreNode(all));
  }

  /** Whether the path is a secret the user has not allowed. */
  boolean denies(String relPath, String name, boolean directory) {
    if (!mightMatch(name)) {
      return false;
    }
    if (!Boolean.TRUE.equals(deny.checkIgnored(relPath, directory))) {
      return false;
    }
    return allow == null || !Boolean.TRUE.equals(allow.checkIgnored(relPath, directory));
  }

  // A cheap superset of the patterns above, so 100k ordinary names skip twenty glob matches each.
  private static boolean mightMatch(String name) {
    if (name.startsWith(".") || name.startsWith("id_") || name.equals("config.json")) {
      return true;
    }
    if (name.contains(".tfstate")) {
      return true;
    }
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
