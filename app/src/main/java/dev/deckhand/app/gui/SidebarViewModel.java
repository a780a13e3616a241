package dev.deckhand.app.gui;

import dev.deckhand.app.gui.SidebarRows.ClusterRow;
import dev.deckhand.app.gui.SidebarRows.ComponentRow;
import dev.deckhand.app.gui.SidebarRows.NamespaceRow;
import dev.deckhand.app.gui.SidebarRows.SidebarRow;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ClusterError;
import dev.deckhand.core.cluster.ErrorClassifier;
import dev.deckhand.core.cluster.KubeconfigView;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.cluster.NamespaceList;
import dev.deckhand.core.status.ComponentStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sidebar tree: the kubeconfig's contexts and the sandbox, each with its connection, its
 * namespaces and the odo components in the expanded ones.
 *
 * <p>Nothing connects before {@link #load()}, which the window calls after its first frame. Then
 * the preselected context connects; the others connect when expanded or selected. {@link
 * #refresh()} (every few seconds, from the app) re-reads every cluster that was asked for: this
 * poll is the reconnect too, so a cluster that comes back or a re-login in a terminal shows up
 * without a click. State lives on the FX thread; reads run on the background executor, at most one
 * per cluster at a time.
 */
public final class SidebarViewModel {
  private final ObservableList<ClusterRow> clusters = FXCollections.observableArrayList();
  private final ObjectProperty<ClusterEntry> selected = new SimpleObjectProperty<>();
  private final StringProperty targetNamespace = new SimpleStringProperty();
  private final ObjectProperty<ComponentRow> selectedComponent = new SimpleObjectProperty<>();
  private final StringProperty hint = new SimpleStringProperty("");
  private final BooleanProperty loaded = new SimpleBooleanProperty();
  private final BooleanProperty noKubeconfig = new SimpleBooleanProperty();
  private final BooleanProperty sandboxStarting = new SimpleBooleanProperty();
  private final StringProperty sandboxMessage = new SimpleStringProperty("");
  private final Supplier<KubeconfigView> kubeconfigs;
  private final SandboxStarter sandbox;
  private final ClusterBrowser browser;
  private final TaskExecutor background;
  private final UiThread ui;
  private final Map<String, ClusterState> states = new LinkedHashMap<>();
  private final List<Consumer<ComponentRow>> componentChosen = new ArrayList<>();
  private Path sandboxKubeconfig;
  private String pushing;
  private volatile String preferredContext;

  /** Mutable per-cluster state, FX thread only. */
  private static final class ClusterState {
    final ClusterEntry entry;
    ClusterLink link = ClusterLink.NOT_CONNECTED;
    boolean requested;
    boolean expanded;
    boolean reading;
    boolean readAgain;
    String note;
    String pinned;
    final Map<String, NamespaceState> namespaces = new LinkedHashMap<>();

    ClusterState(ClusterEntry entry) {
      this.entry = entry;
    }
  }

  private static final class NamespaceState {
    boolean expanded;
    List<ComponentRow> components;
    String problem;
  }

  /** Reads clusters with a {@link FabricClusterBrowser} of its own. */
  public SidebarViewModel(
      Supplier<KubeconfigView> kubeconfigs,
      SandboxStarter sandbox,
      TaskExecutor background,
      UiThread ui) {
    this(kubeconfigs, sandbox, new FabricClusterBrowser(), background, ui);
  }

  public SidebarViewModel(
      Supplier<KubeconfigView> kubeconfigs,
      SandboxStarter sandbox,
      ClusterBrowser browser,
      TaskExecutor background,
      UiThread ui) {
    this.kubeconfigs = kubeconfigs;
    this.sandbox = sandbox;
    this.browser = browser;
    this.background = background;
    this.ui = ui;
  }

  /** Reads the kubeconfig off the FX thread; called once the window shows. */
  public void load() {
    background.execute(
        () -> {
          KubeconfigView view = kubeconfigs.get();
          ui.post(() -> show(view, sandboxKubeconfig, preferredContext));
        });
  }

  /** Reads the kubeconfig again (after a login) and selects the named context. */
  public void reload(String selectContext) {
    background.execute(
        () -> {
          KubeconfigView view = kubeconfigs.get();
          ui.post(() -> show(view, sandboxKubeconfig, selectContext));
        });
  }

  /** The context to select when the kubeconfig loads (the last run's), over the current one. */
  public void preferContext(String name) {
    this.preferredContext = name;
  }

  private void show(KubeconfigView view, Path sandboxFile, String preferred) {
    List<ClusterContext> contexts = new ArrayList<>(view.contexts());
    if (sandboxFile != null) {
      contexts.removeIf(ClusterContext::isSandbox);
      contexts.addAll(0, Kubeconfigs.load(List.of(sandboxFile)).contexts());
    }
    List<ClusterEntry> list = new ArrayList<>();
    for (ClusterContext c : contexts) {
      list.add(ClusterEntry.of(c));
    }
    if (list.stream().noneMatch(ClusterEntry::sandbox)) {
      list.add(ClusterEntry.sandboxNotRunning());
    }
    Map<String, ClusterState> old = new LinkedHashMap<>(states);
    states.clear();
    for (ClusterEntry e : list) {
      ClusterState previous = old.get(e.title());
      // A reload keeps what is known of a cluster whose entry did not change.
      states.put(
          e.title(), previous != null && previous.entry.equals(e) ? previous : new ClusterState(e));
    }
    noKubeconfig.set(view.contexts().isEmpty() && sandboxFile == null);
    ClusterEntry remembered =
        preferred == null
            ? null
            : list.stream()
                .filter(e -> e.context() != null && preferred.equals(e.context().name()))
                .findFirst()
                .orElse(null);
    ClusterEntry preselect =
        remembered != null
            ? remembered
            : list.stream()
                .filter(e -> sandboxFile != null ? e.sandbox() : isCurrent(e))
                .findFirst()
                .orElse(list.get(0));
    publish();
    selectCluster(preselect);
    loaded.set(true);
  }

  private static boolean isCurrent(ClusterEntry e) {
    return e.context() != null && e.context().isCurrent();
  }

  // ---- what the view reports ----

  /** The user selected a row: its cluster (and namespace) become the target of new work. */
  public void select(SidebarRow row) {
    hint.set("");
    if (row instanceof ClusterRow c) {
      selectedComponent.set(null);
      selectCluster(c.entry());
    } else if (row instanceof NamespaceRow n) {
      selectedComponent.set(null);
      selectIn(n.cluster(), n.name());
    } else if (row instanceof ComponentRow r) {
      selectIn(r.cluster(), r.namespace());
      selectedComponent.set(r);
      for (Consumer<ComponentRow> l : List.copyOf(componentChosen)) {
        l.accept(r);
      }
    }
  }

  private void selectCluster(ClusterEntry entry) {
    selected.set(entry);
    targetNamespace.set(entry.context() == null ? null : entry.context().namespace());
    ClusterState s = states.get(entry.title());
    if (s != null && !s.requested && entry.usable()) {
      s.expanded = true;
      connect(s);
    }
  }

  private void selectIn(String cluster, String namespace) {
    ClusterState s = states.get(cluster);
    if (s == null) {
      return;
    }
    selected.set(s.entry);
    targetNamespace.set(namespace);
  }

  /** A cluster row was expanded or collapsed; expanding connects it. */
  public void setExpanded(String cluster, boolean expanded) {
    ClusterState s = states.get(cluster);
    if (s == null || s.expanded == expanded) {
      return;
    }
    s.expanded = expanded;
    if (expanded && !s.requested && s.entry.usable()) {
      connect(s);
    } else {
      publish();
    }
  }

  /** A namespace row was expanded or collapsed; its components are read while it is expanded. */
  public void setNamespaceExpanded(String cluster, String namespace, boolean expanded) {
    ClusterState s = states.get(cluster);
    NamespaceState n = s == null ? null : s.namespaces.get(namespace);
    if (n == null || n.expanded == expanded) {
      return;
    }
    n.expanded = expanded;
    publish();
    if (expanded && n.components == null) {
      read(s);
    }
  }

  /**
   * Keeps the namespace of the open component read on every poll, expanded or not: the tray's
   * crash-loop notification needs its pod status. One per cluster; null unpins.
   */
  public void pin(String cluster, String namespace) {
    for (ClusterState other : states.values()) {
      other.pinned = null;
    }
    ClusterState s = states.get(cluster);
    if (s == null || namespace == null) {
      return;
    }
    s.pinned = namespace;
    if (!s.namespaces.containsKey(namespace) && s.link.state() == ClusterLink.State.CONNECTED) {
      s.namespaces.put(namespace, new NamespaceState());
      publish();
    }
    if (s.requested) {
      read(s);
    }
  }

  /**
   * The component a push is running for shows a blue "pushing…" until the push ends, whatever its
   * pod says meanwhile; null when no push runs.
   */
  public void setPushing(String cluster, String namespace, String application, String name) {
    String key = name == null ? null : cluster + "/" + namespace + "/" + application + "/" + name;
    if (!java.util.Objects.equals(pushing, key)) {
      pushing = key;
      publish();
    }
  }

  private List<ComponentRow> withPushing(String cluster, List<ComponentRow> rows) {
    if (rows == null || pushing == null) {
      return rows;
    }
    return rows.stream()
        .map(
            r ->
                pushing.equals(
                        cluster + "/" + r.namespace() + "/" + r.application() + "/" + r.name())
                    ? new ComponentRow(
                        r.cluster(),
                        r.namespace(),
                        r.name(),
                        r.application(),
                        r.health(),
                        SidebarRows.Dot.STARTING,
                        "pushing…")
                    : r)
        .toList();
  }

  /** Listens for clicks on components (the window opens the folder when it knows one). */
  public void onComponentChosen(Consumer<ComponentRow> listener) {
    componentChosen.add(listener);
  }

  /** Re-reads every cluster that was connected (or tried): the poll, and the reconnect. */
  public void refresh() {
    for (ClusterState s : states.values()) {
      if (s.requested) {
        read(s);
      }
    }
  }

  // ---- reading ----

  private void connect(ClusterState s) {
    s.requested = true;
    s.link = ClusterLink.CONNECTING;
    publish();
    read(s);
  }

  private void read(ClusterState s) {
    if (s.reading) {
      s.readAgain = true; // an expand during a read: read once more when it ends
      return;
    }
    s.reading = true;
    ClusterContext context = s.entry.context();
    List<String> watched =
        s.namespaces.entrySet().stream()
            .filter(e -> e.getValue().expanded || e.getKey().equals(s.pinned))
            .map(Map.Entry::getKey)
            .toList();
    background.execute(
        () -> {
          try {
            NamespaceList namespaces = browser.namespaces(context);
            Map<String, Object> components = new LinkedHashMap<>();
            for (String ns : watched) {
              components.put(ns, components(context, ns));
            }
            ui.post(() -> connected(s, namespaces, components));
          } catch (RuntimeException e) {
            browser.forget(context);
            ClusterError error = ErrorClassifier.classify(e, context.server());
            ui.post(() -> failed(s, error));
          }
        });
  }

  /** The namespace's components, or the reason they cannot be read (RBAC on that namespace). */
  private Object components(ClusterContext context, String namespace) {
    try {
      return browser.components(context, namespace).stream()
          .map((ComponentStatus c) -> ComponentRow.of(context.name(), c))
          .toList();
    } catch (RuntimeException e) {
      ClusterError error = ErrorClassifier.classify(e, context.server());
      if (error.kind() == ClusterError.Kind.FORBIDDEN
          || error.kind() == ClusterError.Kind.NAMESPACE_MISSING) {
        return error;
      }
      throw e; // the cluster as a whole is in trouble
    }
  }

  @SuppressWarnings("unchecked")
  private void connected(ClusterState s, NamespaceList list, Map<String, Object> components) {
    boolean first = s.namespaces.isEmpty();
    s.link = ClusterLink.CONNECTED;
    s.note = list.note();
    Map<String, NamespaceState> old = new LinkedHashMap<>(s.namespaces);
    s.namespaces.clear();
    for (String name : list.names()) {
      s.namespaces.put(name, old.getOrDefault(name, new NamespaceState()));
    }
    if (s.pinned != null && !s.namespaces.containsKey(s.pinned)) {
      s.namespaces.put(s.pinned, old.getOrDefault(s.pinned, new NamespaceState()));
    }
    components.forEach(
        (ns, result) -> {
          NamespaceState n = s.namespaces.get(ns);
          if (n == null) {
            return;
          }
          if (result instanceof ClusterError e) {
            n.problem = e.message();
            n.components = List.of();
          } else {
            n.problem = null;
            n.components = (List<ComponentRow>) result;
          }
        });
    if (first) {
      // The context's namespace opens by itself: it is where the user's work usually is.
      NamespaceState own = s.namespaces.get(s.entry.context().namespace());
      if (own != null) {
        own.expanded = true;
      }
    }
    finishRead(s);
  }

  private void failed(ClusterState s, ClusterError error) {
    boolean wasUp =
        s.link.state() == ClusterLink.State.CONNECTED
            || s.link.state() == ClusterLink.State.RECONNECTING;
    // A server going away mid-request is not always "unreachable" (a reset, an EOF): for a cluster
    // that was up, any failure but a login one is shown as reconnecting, and the poll retries.
    ClusterLink.State state =
        switch (error.kind()) {
          case UNAUTHORIZED -> ClusterLink.State.LOGIN_REQUIRED;
          case UNREACHABLE, TLS ->
              wasUp ? ClusterLink.State.RECONNECTING : ClusterLink.State.UNREACHABLE;
          default -> wasUp ? ClusterLink.State.RECONNECTING : ClusterLink.State.FAILED;
        };
    s.link = new ClusterLink(state, error.message());
    finishRead(s);
  }

  private void finishRead(ClusterState s) {
    s.reading = false;
    publish();
    boolean unread =
        s.link.state() == ClusterLink.State.CONNECTED
            && s.namespaces.entrySet().stream()
                .anyMatch(
                    e ->
                        (e.getValue().expanded || e.getKey().equals(s.pinned))
                            && e.getValue().components == null);
    if (s.readAgain || unread) {
      s.readAgain = false;
      if (s.link.state() == ClusterLink.State.CONNECTED) {
        read(s);
      }
    }
  }

  /** Replaces the rows that changed; equal rows stay, so the view keeps its items. */
  private void publish() {
    List<ClusterRow> rows = new ArrayList<>();
    for (ClusterState s : states.values()) {
      List<NamespaceRow> namespaces = new ArrayList<>();
      s.namespaces.forEach(
          (name, n) ->
              namespaces.add(
                  new NamespaceRow(
                      s.entry.title(),
                      name,
                      n.expanded,
                      withPushing(s.entry.title(), n.components),
                      n.problem)));
      rows.add(new ClusterRow(s.entry, s.link, s.expanded, s.note, namespaces));
    }
    if (!rows.equals(clusters)) {
      clusters.setAll(rows);
    }
  }

  // ---- the sandbox ----

  /** Starts the in-process sandbox in the background and selects it when it answers. */
  public void startSandbox() {
    if (sandboxStarting.get()) {
      return;
    }
    sandboxStarting.set(true);
    sandboxMessage.set("Starting the sandbox…");
    background.execute(
        () -> {
          try {
            Path kubeconfig = sandbox.start();
            String note = sandbox.runningNote();
            KubeconfigView view = kubeconfigs.get();
            ui.post(
                () -> {
                  sandboxStarting.set(false);
                  sandboxMessage.set(note);
                  sandboxKubeconfig = kubeconfig;
                  show(view, kubeconfig, null);
                });
          } catch (Exception e) {
            ui.post(
                () -> {
                  sandboxStarting.set(false);
                  sandboxMessage.set(
                      e instanceof dev.deckhand.sandbox.SandboxBusyException
                          ? capitalized(e.getMessage())
                          : "The sandbox did not start: " + e.getMessage());
                });
          }
        });
  }

  private static String capitalized(String line) {
    return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
  }

  // ---- properties ----

  public ObservableList<ClusterRow> clusters() {
    return clusters;
  }

  /** The row of the selected cluster, or empty before the kubeconfig is read. */
  public java.util.Optional<ClusterRow> selectedRow() {
    ClusterEntry e = selected.get();
    return clusters.stream().filter(r -> e != null && r.key().equals(e.title())).findFirst();
  }

  public ObjectProperty<ClusterEntry> selectedProperty() {
    return selected;
  }

  /** Where Create component and Open folder put a new component: the selected namespace. */
  public StringProperty targetNamespaceProperty() {
    return targetNamespace;
  }

  public ObjectProperty<ComponentRow> selectedComponentProperty() {
    return selectedComponent;
  }

  /** A line under the tree, e.g. "Open its source folder to push". */
  public StringProperty hintProperty() {
    return hint;
  }

  public BooleanProperty loadedProperty() {
    return loaded;
  }

  public BooleanProperty noKubeconfigProperty() {
    return noKubeconfig;
  }

  public BooleanProperty sandboxStartingProperty() {
    return sandboxStarting;
  }

  public StringProperty sandboxMessageProperty() {
    return sandboxMessage;
  }
}
