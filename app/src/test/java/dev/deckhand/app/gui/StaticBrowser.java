package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.NamespaceList;
import dev.deckhand.core.manifest.WorkloadKind;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.Connection;
import dev.deckhand.core.status.Health;
import dev.deckhand.core.status.HealthState;
import dev.deckhand.core.status.WorkloadView;
import java.util.List;

/**
 * A cluster that answers at once: every context lists its own namespace, holding the given
 * components (for screenshots of scripted pushes, whose component should be in the tree).
 */
final class StaticBrowser implements ClusterBrowser {
  private final List<ComponentInfo> components;
  private final HealthState health;
  private final String text;

  StaticBrowser(List<ComponentInfo> components, HealthState health, String text) {
    this.components = List.copyOf(components);
    this.health = health;
    this.text = text;
  }

  @Override
  public NamespaceList namespaces(ClusterContext context) {
    return new NamespaceList(List.of(context.namespace()), true, null);
  }

  @Override
  public List<ComponentStatus> components(ClusterContext context, String namespace) {
    return components.stream()
        .filter(c -> c.namespace().equals(namespace))
        .map(
            c ->
                new ComponentStatus(
                    c.name(),
                    c.application(),
                    namespace,
                    c.name() + "-" + c.application(),
                    new WorkloadView(
                        WorkloadKind.DEPLOYMENT, c.name() + "-" + c.application(), 0, 1),
                    null,
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    Connection.CONNECTED,
                    new Health(health, text)))
        .toList();
  }

  @Override
  public void forget(ClusterContext context) {}
}
