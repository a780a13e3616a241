package dev.deckhand.sandbox.store;

import java.util.List;
import java.util.Set;

/**
 * One kind of object the API serves, as discovery describes it.
 *
 * @param group API group, "" for the core group
 * @param plural the resource name in URLs ({@code deployments})
 * @param subresources served subresources without the slash ({@code status}, {@code scale})
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> verbs,
    Set<String> subresources) {

  public static final List<String> READ_WRITE =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** {@code apps/v1}, or {@code v1} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code deployments.apps}, or {@code pods}: how servers name a resource in messages. */
  public String qualifiedName() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  public String singular() {
    if (plural.endsWith("sses")) {
      return plural.substring(0, plural.length() - 2);
    }
    if (plural.endsWith("ies")) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
  }

  public boolean hasSubresource(String name) {
    return subresources.contains(name);
  }
}
