package dev.deckhand.core.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in secret deny list seen from outside the scanner: which paths of a scan are secrets
 * that are in the index only because an allow pattern let them through. A first push of such a path
 * deserves a second look from the user.
 */
public final class SecretNames {
  private static final SecretDenyList DENY_ALL = new SecretDenyList(List.of());

  private SecretNames() {}

  /** Whether the built-in list calls this root-relative path a secret, ignoring allow patterns. */
  public static boolean isDenyListed(String relPath, boolean directory) {
    int slash = relPath.lastIndexOf('/');
    return DENY_ALL.denies(relPath, relPath.substring(slash + 1), directory);
  }

  /** Paths in the index that the deny list would have kept out, in index order. */
  public static List<String> allowedIn(FileIndex index) {
    List<String> allowed = new ArrayList<>();
    for (Map.Entry<String, IndexEntry> e : index.entries().entrySet()) {
      if (isDenyListed(e.getKey(), index.isDirectory(e.getKey()))) {
        allowed.add(e.getKey());
      }
    }
    return allowed;
  }
}
