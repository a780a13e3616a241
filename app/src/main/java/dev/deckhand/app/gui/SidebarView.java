package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import dev.deckhand.app.gui.SidebarRows.ClusterRow;
import dev.deckhand.app.gui.SidebarRows.ComponentRow;
import dev.deckhand.app.gui.SidebarRows.NamespaceRow;
import dev.deckhand.app.gui.SidebarRows.NoteRow;
import dev.deckhand.app.gui.SidebarRows.SidebarRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The clusters tree: context → namespace → component, each cluster with its connection and each
 * component with a status dot. Tree items are matched to the view model's rows by key, so a poll
 * that changes one dot leaves expansion and selection alone.
 */
final class SidebarView extends VBox {
  final TreeView<SidebarRow> tree = new TreeView<>(new TreeItem<>());
  final Label hint = new Label();
  final Button login = new Button("Log in…");
  final Button startSandbox = new Button("Start the sandbox");

  /** Whether the empty state (with its own, bigger Start the sandbox) is hidden by a page. */
  final javafx.beans.property.BooleanProperty pageShown =
      new javafx.beans.property.SimpleBooleanProperty(true);

  private final SidebarViewModel vm;
  private boolean syncing;

  SidebarView(SidebarViewModel vm, Runnable openLogin) {
    this.vm = vm;
    getStyleClass().add("sidebar");
    setPrefWidth(290);
    setMinWidth(200);
    Label heading = new Label("CLUSTERS");
    heading.getStyleClass().add("section-heading");
    tree.setId("clusters");
    tree.setShowRoot(false);
    tree.setCellFactory(v -> new RowCell());
    VBox.setVgrow(tree, Priority.ALWAYS);
    vm.clusters().addListener((javafx.collections.ListChangeListener<ClusterRow>) c -> sync());
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (!syncing && now != null && now.getValue() != null) {
                vm.select(now.getValue());
              }
            });
    vm.selectedProperty().addListener((o, was, now) -> selectCluster(now));
    hint.setId("sidebar-hint");
    hint.setWrapText(true);
    hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    hint.textProperty().bind(vm.hintProperty());
    hint.managedProperty().bind(hint.textProperty().isNotEmpty());
    hint.visibleProperty().bind(hint.managedProperty());
    login.setId("sidebar-login");
    login.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
    login.setOnAction(e -> openLogin.run());
    login
        .visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    vm.selectedRow()
                        .map(r -> r.link().state() == ClusterLink.State.LOGIN_REQUIRED)
                        .orElse(false),
                vm.clusters(),
                vm.selectedProperty()));
    login.managedProperty().bind(login.visibleProperty());
    // With a component open the empty state is hidden, so the sandbox must be startable from here
    // too: otherwise a folder opened before any cluster exists has a Push that can never work.
    startSandbox.setId("sidebar-start-sandbox");
    startSandbox.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
    startSandbox.setOnAction(e -> vm.startSandbox());
    startSandbox.disableProperty().bind(vm.sandboxStartingProperty());
    startSandbox
        .visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> {
                  ClusterEntry e = vm.selectedProperty().get();
                  return pageShown.get() && e != null && e.sandbox() && e.context() == null;
                },
                vm.selectedProperty(),
                pageShown));
    startSandbox.managedProperty().bind(startSandbox.visibleProperty());
    Label sandboxStatus = new Label();
    sandboxStatus.setId("sidebar-sandbox-status");
    sandboxStatus.setWrapText(true);
    sandboxStatus.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    sandboxStatus.textProperty().bind(vm.sandboxMessageProperty());
    sandboxStatus.visibleProperty().bind(startSandbox.visibleProperty());
    sandboxStatus.managedProperty().bind(startSandbox.visibleProperty());
    setPadding(new Insets(12, 8, 8, 8));
    setSpacing(6);
    getChildren().addAll(heading, tree, login, startSandbox, sandboxStatus, hint);
    sync();
  }

  /** The item of a cluster, by its title; null when not shown. */
  TreeItem<SidebarRow> clusterItem(String title) {
    return tree.getRoot().getChildren().stream()
        .filter(i -> i.getValue().key().equals(title))
        .findFirst()
        .orElse(null);
  }

  /** The first item below {@code parent} (at any depth) whose row has this key. */
  static TreeItem<SidebarRow> find(TreeItem<SidebarRow> parent, String key) {
    for (TreeItem<SidebarRow> child : parent.getChildren()) {
      if (child.getValue().key().equals(key)) {
        return child;
      }
      TreeItem<SidebarRow> deeper = find(child, key);
      if (deeper != null) {
        return deeper;
      }
    }
    return null;
  }

  private void sync() {
    TreeItem<SidebarRow> before = tree.getSelectionModel().getSelectedItem();
    syncing = true;
    try {
      syncChildren(tree.getRoot(), new ArrayList<>(vm.clusters()));
      // The selection model keeps indices, not items: rows added above would move it.
      if (before != null
          && inTree(before)
          && tree.getSelectionModel().getSelectedItem() != before) {
        tree.getSelectionModel().select(before);
      }
    } finally {
      syncing = false;
    }
    selectCluster(vm.selectedProperty().get());
  }

  private boolean inTree(TreeItem<SidebarRow> item) {
    TreeItem<SidebarRow> i = item;
    while (i.getParent() != null) {
      i = i.getParent();
    }
    return i == tree.getRoot();
  }

  private void selectCluster(ClusterEntry entry) {
    if (entry == null) {
      return;
    }
    TreeItem<SidebarRow> current = tree.getSelectionModel().getSelectedItem();
    if (current != null && clusterOf(current) != null && clusterOf(current).equals(entry.title())) {
      return;
    }
    TreeItem<SidebarRow> item = clusterItem(entry.title());
    if (item != null) {
      tree.getSelectionModel().select(item);
    }
  }

  private static String clusterOf(TreeItem<SidebarRow> item) {
    SidebarRow row = item.getValue();
    if (row instanceof ClusterRow c) {
      return c.key();
    } else if (row instanceof NamespaceRow n) {
      return n.cluster();
    } else if (row instanceof ComponentRow c) {
      return c.cluster();
    }
    return item.getParent() == null ? null : clusterOf(item.getParent());
  }

  private void syncChildren(TreeItem<SidebarRow> parent, List<SidebarRow> rows) {
    Map<String, TreeItem<SidebarRow>> existing = new HashMap<>();
    for (TreeItem<SidebarRow> child : parent.getChildren()) {
      existing.put(child.getValue().key(), child);
    }
    List<TreeItem<SidebarRow>> next = new ArrayList<>();
    for (SidebarRow row : rows) {
      TreeItem<SidebarRow> item = existing.remove(row.key());
      if (item == null) {
        item = newItem(row);
      } else if (!item.getValue().equals(row)) {
        item.setValue(row);
      }
      syncChildren(item, children(row));
      if (row instanceof ClusterRow c) {
        item.setExpanded(c.expanded());
      } else if (row instanceof NamespaceRow n) {
        item.setExpanded(n.expanded());
      }
      next.add(item);
    }
    if (!parent.getChildren().equals(next)) {
      parent.getChildren().setAll(next);
    }
  }

  private TreeItem<SidebarRow> newItem(SidebarRow row) {
    TreeItem<SidebarRow> item = new TreeItem<>(row);
    item.expandedProperty()
        .addListener(
            (o, was, now) -> {
              if (syncing) {
                return;
              }
              if (item.getValue() instanceof ClusterRow c) {
                vm.setExpanded(c.key(), now);
              } else if (item.getValue() instanceof NamespaceRow n) {
                vm.setNamespaceExpanded(n.cluster(), n.name(), now);
              }
            });
    return item;
  }

  /** What a row shows below it; a placeholder keeps the expand arrow before anything is read. */
  private static List<SidebarRow> children(SidebarRow row) {
    if (row instanceof ClusterRow c) {
      if (!c.namespaces().isEmpty()) {
        return new ArrayList<>(c.namespaces());
      }
      if (c.entry().context() == null || !c.entry().usable()) {
        return List.of();
      }
      // The row's own subtitle says what is wrong; this line says what happens next.
      String text =
          switch (c.link().state()) {
            case NOT_CONNECTED -> "expand to connect";
            case CONNECTING -> "connecting…";
            case CONNECTED -> "no namespaces";
            case LOGIN_REQUIRED -> "log in again to see its namespaces";
            case UNREACHABLE, RECONNECTING -> "trying again every few seconds";
            case FAILED -> c.link().reason() == null ? "error" : c.link().reason();
          };
      return List.of(new NoteRow(c.key() + "/note", text));
    }
    if (row instanceof NamespaceRow n) {
      String key = n.cluster() + "/" + n.name() + "/note";
      if (n.problem() != null) {
        return List.of(new NoteRow(key, n.problem()));
      }
      if (n.components() == null) {
        return List.of(new NoteRow(key, n.expanded() ? "loading…" : "…"));
      }
      if (n.components().isEmpty()) {
        return List.of(new NoteRow(key, "no odo components"));
      }
      return new ArrayList<>(n.components());
    }
    return List.of();
  }

  /** The dot's style class for a cluster's connection. */
  static String dotOf(ClusterRow c) {
    if (c.entry().context() == null) {
      return "dot-idle";
    }
    if (!c.entry().usable()) {
      return "dot-warn";
    }
    return switch (c.link().state()) {
      case CONNECTED -> "dot-ok";
      case CONNECTING, RECONNECTING -> "dot-busy";
      case LOGIN_REQUIRED -> "dot-warn";
      case UNREACHABLE, FAILED -> "dot-bad";
      case NOT_CONNECTED -> "dot-idle";
    };
  }

  static String dotOf(ComponentRow c) {
    return switch (c.dot()) {
      case RUNNING -> "dot-ok";
      case STARTING -> "dot-busy";
      case APP_DOWN -> "dot-warn";
      case FAILING -> "dot-bad";
      case STOPPED -> "dot-idle";
    };
  }

  /** The second line of a cluster row: its state, with the reason when it is not connected. */
  static String subtitleOf(ClusterRow c) {
    ClusterEntry e = c.entry();
    if (e.context() == null || !e.usable()) {
      return e.subtitle();
    }
    return switch (c.link().state()) {
      case NOT_CONNECTED -> "ns: " + e.context().namespace();
      case CONNECTED ->
          "connected · "
              + c.namespaces().size()
              + (c.namespaces().size() == 1 ? " namespace" : " namespaces");
      default -> {
        String why = shortReason(c.link());
        yield c.link().state().word() + (why == null ? "" : " · " + why);
      }
    };
  }

  /**
   * The gist of a classified reason for a narrow row; the tooltip has all of it. The classifier
   * words them "login required for URL: why" and "cannot reach URL (why)".
   */
  static String shortReason(ClusterLink link) {
    String r = link.reason();
    if (r == null) {
      return null;
    }
    int colon = r.indexOf(": ");
    if (link.state() == ClusterLink.State.LOGIN_REQUIRED && colon > 0) {
      return r.substring(colon + 2);
    }
    int open = r.lastIndexOf(" (");
    if (open > 0 && r.endsWith(")") && link.state() != ClusterLink.State.FAILED) {
      return r.substring(open + 2, r.length() - 1);
    }
    return r;
  }

  /**
   * One set of nodes per cell, refilled on each update: nodes created inside updateItem can be
   * drawn for a frame before CSS reaches them (a black dot, no text).
   */
  private static final class RowCell extends TreeCell<SidebarRow> {
    private final Circle dot = new Circle(4);
    private final Label title = new Label();
    private final Label sub = new Label();
    private final VBox text = new VBox(1, title, sub);
    private final HBox row = new HBox(8, dot, text);
    private final Label plain = new Label();

    RowCell() {
      row.setAlignment(Pos.CENTER_LEFT);
      wrap(sub);
      wrap(plain);
    }

    @Override
    protected void updateItem(SidebarRow item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      setTooltip(null);
      getStyleClass().removeAll("cluster-row", "namespace-row", "component-row", "note-row");
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      // Width 0 lets the cell follow the tree's width, so long reasons wrap instead of scrolling.
      setPrefWidth(0);
      if (item instanceof ClusterRow c) {
        getStyleClass().add("cluster-row");
        boolean trouble = dotOf(c).equals("dot-warn") || dotOf(c).equals("dot-bad");
        fill(
            dotOf(c),
            c.entry().title(),
            Styles.TEXT_BOLD,
            subtitleOf(c),
            trouble ? "warning" : Styles.TEXT_MUTED);
        String tip = c.link().reason() != null ? c.link().reason() : c.entry().subtitle();
        setTooltip(new Tooltip(c.note() == null ? tip : tip + "\n" + c.note()));
        setGraphic(row);
      } else if (item instanceof NamespaceRow n) {
        getStyleClass().add("namespace-row");
        plain.setText(n.name());
        plain.getStyleClass().setAll("label");
        setGraphic(plain);
      } else if (item instanceof ComponentRow r) {
        getStyleClass().add("component-row");
        fill(dotOf(r), r.name(), null, r.text(), Styles.TEXT_MUTED);
        setTooltip(new Tooltip(r.name() + " (app " + r.application() + ")\n" + r.text()));
        setGraphic(row);
      } else if (item instanceof NoteRow n) {
        getStyleClass().add("note-row");
        plain.setText(n.text());
        plain.getStyleClass().setAll("label", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        setGraphic(plain);
      }
    }

    private void fill(
        String dotStyle, String head, String headStyle, String line, String lineStyle) {
      dot.getStyleClass().setAll(dotStyle);
      title.setText(head);
      if (headStyle == null) {
        title.getStyleClass().setAll("label");
      } else {
        title.getStyleClass().setAll("label", headStyle);
      }
      sub.setText(line);
      sub.getStyleClass().setAll("label", Styles.TEXT_SMALL, lineStyle);
    }

    /** Wraps, and takes the height of all its lines (a tree cell would cut it at two). */
    private static void wrap(Label label) {
      label.setWrapText(true);
      label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
  }
}
