package dev.deckhand.core.push;

import dev.deckhand.core.index.ChangeSet;
import dev.deckhand.core.index.FileIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * What one push sends: the entries to put in the tar (in index order, so parents come before their
 * children) and the paths to delete first. A modified directory sends nothing — its mtime changed
 * because of its children, which are listed themselves.
 */
public record SyncPlan(List<String> send, List<String> delete, boolean full) {
  public SyncPlan {
    send = List.copyOf(send);
    delete = List.copyOf(delete);
  }

  public boolean isEmpty() {
    return send.isEmpty() && delete.isEmpty();
  }

  /**
   * Everything in the index, into an emptied source folder (after a new pod, a new container, a
   * failed build or a lost index); what was deleted since the last confirmed push is also removed
   * from the container's other source copies.
   */
  public static SyncPlan full(FileIndex index, ChangeSet changes) {
    return new SyncPlan(new ArrayList<>(index.entries().keySet()), changes.deletedRoots(), true);
  }

  /** Only what changed since the last confirmed push. */
  public static SyncPlan incremental(FileIndex index, ChangeSet changes) {
    List<String> send = new ArrayList<>();
    java.util.Set<String> changed = new java.util.HashSet<>(changes.added());
    changed.addAll(changes.modified());
    for (String path : index.entries().keySet()) {
      if (changed.contains(path)
          && !(index.isDirectory(path) && changes.modified().contains(path))) {
        send.add(path);
      }
    }
    return new SyncPlan(send, changes.deletedRoots(), false);
  }
}
