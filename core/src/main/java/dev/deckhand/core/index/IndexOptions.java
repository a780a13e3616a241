package dev.deckhand.core.index;

import java.util.List;

/**
 * @param allowSecrets gitignore-style patterns that let matching paths through the built-in secret
 *     deny list; the only way past it
 * @param extraIgnores gitignore-style patterns (root-relative) ignored on top of the project's own
 *     ignore files, e.g. from {@code --ignore}
 */
public record IndexOptions(List<String> allowSecrets, List<String> extraIgnores) {
  public IndexOptions {
    allowSecrets = List.copyOf(allowSecrets);
    extraIgnores = List.copyOf(extraIgnores);
  }

  public static IndexOptions defaults() {
    return new IndexOptions(List.of(), List.of());
  }

  public IndexOptions withAllowSecrets(List<String> patterns) {
    return new IndexOptions(patterns, extraIgnores);
  }

  public IndexOptions withExtraIgnores(List<String> patterns) {
    return new IndexOptions(allowSecrets, patterns);
  }

  public static IndexOptions allowSecrets(List<String> patterns) {
    return defaults().withAllowSecrets(patterns);
  }
}
