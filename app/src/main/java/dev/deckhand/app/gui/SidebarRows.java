package dev.deckhand.app.gui;

import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.HealthState;
import java.util.List;

/**
 * The sidebar tree as immutable rows, rebuilt by {@link SidebarViewModel} on the FX thread and
 * matched to tree items by {@link SidebarRow#key()} so that expansion and selection survive.
 */
public final class SidebarRows {
  private SidebarRows() {}

  /** A row of the tree. */
  public sealed interface SidebarRow permits ClusterRow, NamespaceRow, ComponentRow, NoteRow {
    String key();
  }

  /**
   * A kubeconfig context (or the sandbox before it runs).
   *
   * @param note why the namespace list is partial, or {@code null}
   */
  public record ClusterRow(
      ClusterEntry entry,
      ClusterLink link,
      boolean expanded,
      String note,
      List<NamespaceRow> namespaces)
      implements SidebarRow {
    public ClusterRow {
      namespaces = List.copyOf(namespaces);
    }

    @Override
    public String key() {
      return entry.title();
    }
  }

  /**
   * A namespace (an OpenShift project).
   *
   * @param components {@code null} until the first read
   * @param problem why its components could not be read, or {@code null}
   */
  public record NamespaceRow(
      String cluster, String name, boolean expanded, List<ComponentRow> components, String problem)
      implements SidebarRow {
    public NamespaceRow {
      components = components == null ? null : List.copyOf(components);
    }

    @Override
    public String key() {
      return "ns:" + name;
    }
  }

  /** The colour of a component's status dot. */
  public enum Dot {
    RUNNING,
    STARTING,
    /** The container runs, the app in it does not (never started, or left down by a push). */
    APP_DOWN,
    FAILING,
    STOPPED
  }

  /** An odo component found on the cluster. */
  public record ComponentRow(
      String cluster,
      String namespace,
      String name,
      String application,
      HealthState health,
      Dot dot,
      String text)
      implements SidebarRow {

    static ComponentRow of(String cluster, ComponentStatus s) {
      return new ComponentRow(
          cluster,
          s.namespace(),
          s.component(),
          s.application(),
          s.health().state(),
          dot(s),
          s.health().text());
    }

    static Dot dot(ComponentStatus s) {
      if (s.workload() != null && s.workload().desiredReplicas() == 0) {
        return Dot.STOPPED;
      }
      HealthState h = s.health().state();
      return switch (h) {
        case RUNNING -> Dot.RUNNING;
        case STARTING -> Dot.STARTING;
        case APP_NOT_RUNNING -> Dot.APP_DOWN;
        case CRASH_LOOP, FAILED -> Dot.FAILING;
        case NOT_CREATED, UNKNOWN -> Dot.STOPPED;
      };
    }

    public boolean crashLooping() {
      return health == HealthState.CRASH_LOOP;
    }

    @Override
    public String key() {
      return "c:" + name;
    }
  }

  /** A line of text in place of children: "loading…", "no components". */
  public record NoteRow(String key, String text) implements SidebarRow {}
}
