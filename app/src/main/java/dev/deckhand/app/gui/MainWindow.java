package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import dev.deckhand.core.config.LocalConfigFile;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;

/** The whole window: title bar, clusters sidebar, the component page or the empty state. */
public final class MainWindow extends BorderPane {
  final SidebarView sidebar;
  final EmptyStateView emptyState;
  final ComponentPage page;
  final CreateComponentView createForm;
  final ToggleButton darkTheme = new ToggleButton("Dark");
  final Label breadcrumb = new Label();
  final Label statusBar = new Label();
  private final SidebarViewModel sidebarVm;
  private final ComponentViewModel componentVm;
  private final CreateComponentViewModel createVm;

  /** The create form reads the user's component types and writes on its own worker thread. */
  public MainWindow(
      SidebarViewModel sidebarVm,
      ComponentViewModel componentVm,
      ObjectProperty<Theme> theme,
      Consumer<String> openUrl) {
    this(
        sidebarVm,
        componentVm,
        new CreateComponentViewModel(
            CreateComponentViewModel::userCreator,
            TaskExecutor.background("deckhand-gui-create"),
            UiThread.fx()),
        theme,
        openUrl);
  }

  public MainWindow(
      SidebarViewModel sidebarVm,
      ComponentViewModel componentVm,
      CreateComponentViewModel createVm,
      ObjectProperty<Theme> theme,
      Consumer<String> openUrl) {
    this.sidebarVm = sidebarVm;
    this.componentVm = componentVm;
    this.createVm = createVm;
    getStyleClass().add("main-window");
    sidebar = new SidebarView(sidebarVm);
    emptyState = new EmptyStateView(sidebarVm, this::chooseFolder);
    BooleanBinding canPush =
        Bindings.createBooleanBinding(
            () ->
                sidebarVm.selectedProperty().get() != null
                    && sidebarVm.selectedProperty().get().usable(),
            sidebarVm.selectedProperty());
    componentVm
        .contextProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> {
                  ClusterEntry e = sidebarVm.selectedProperty().get();
                  return e == null || !e.usable() ? null : e.context();
                },
                sidebarVm.selectedProperty()));
    page = new ComponentPage(componentVm, canPush, this::push, openUrl);
    createForm = new CreateComponentView(createVm);
    StackPane center = new StackPane(emptyState, page, createForm);
    createForm.visibleProperty().bind(createVm.folderProperty().isNotNull());
    page.visibleProperty()
        .bind(componentVm.infoProperty().isNotNull().and(createForm.visibleProperty().not()));
    emptyState
        .visibleProperty()
        .bind(page.visibleProperty().not().and(createForm.visibleProperty().not()));
    // Written: open the new component and start its first push, as the Push button would.
    createVm.onCreated(r -> componentVm.open(r.folder(), r.namespace(), this::push));
    setTop(titleBar(theme));
    setLeft(sidebar);
    setCenter(center);
    setBottom(statusBar());
    setOnKeyPressed(
        e -> {
          if (new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN).match(e)) {
            push();
          } else if (new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN).match(e)) {
            chooseFolder();
          } else if (page.isVisible()) {
            page.switchTabByKey(e);
          }
        });
  }

  private HBox titleBar(ObjectProperty<Theme> theme) {
    Label brand = new Label("Deckhand");
    brand.getStyleClass().add("brand");
    breadcrumb.getStyleClass().add("breadcrumb");
    breadcrumb
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  ClusterEntry e = sidebarVm.selectedProperty().get();
                  ComponentInfo c = componentVm.infoProperty().get();
                  String where =
                      e == null
                          ? ""
                          : e.title()
                              + (e.context() == null ? "" : " · " + e.context().namespace());
                  return c == null ? where : where + " · " + c.name();
                },
                sidebarVm.selectedProperty(),
                componentVm.infoProperty()));
    Button open = new Button("Open folder…");
    open.setId("toolbar-open-folder");
    open.getStyleClass().addAll(Styles.SMALL);
    open.setOnAction(e -> chooseFolder());
    darkTheme.setId("theme-toggle");
    darkTheme.getStyleClass().add(Styles.SMALL);
    darkTheme.setSelected(theme.get() == Theme.DARK);
    darkTheme
        .selectedProperty()
        .addListener((o, a, dark) -> theme.set(dark ? Theme.DARK : Theme.LIGHT));
    theme.addListener((o, a, t) -> darkTheme.setSelected(t == Theme.DARK));
    Label keys = new Label("Ctrl+P push · Ctrl+O open · Ctrl+1–4 tabs");
    keys.getStyleClass().add("breadcrumb");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(14, brand, breadcrumb, grow, keys, open, darkTheme);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 14, 8, 14));
    bar.getStyleClass().add("title-bar");
    return bar;
  }

  private HBox statusBar() {
    statusBar.setId("status-bar");
    statusBar
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  if (!sidebarVm.loadedProperty().get()) {
                    return "Reading kubeconfig…";
                  }
                  ClusterEntry e = sidebarVm.selectedProperty().get();
                  ComponentInfo c = componentVm.infoProperty().get();
                  String cluster = e == null ? "no cluster" : e.title();
                  String where = c == null ? cluster : cluster + " · " + c.folder();
                  String problem = componentVm.autoSync().problemProperty().get();
                  return problem.isEmpty() ? where : "⚠ " + problem + "  ·  " + where;
                },
                componentVm.autoSync().problemProperty(),
                sidebarVm.loadedProperty(),
                sidebarVm.selectedProperty(),
                componentVm.infoProperty()));
    HBox bar = new HBox(statusBar);
    bar.getStyleClass().add("status-bar");
    bar.setPadding(new Insets(3, 14, 3, 14));
    return bar;
  }

  private void push() {
    ClusterEntry e = sidebarVm.selectedProperty().get();
    if (e != null && e.usable()) {
      componentVm.push(e.context());
    }
  }

  private void chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open a component folder, or a source folder to create one in");
    File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
    if (dir != null) {
      openFolder(dir.toPath());
    }
  }

  /**
   * Opens a component folder; its namespace defaults to the selected context's. A folder without
   * {@code .odo/config.yaml} gets the "Create component" form instead.
   */
  public void openFolder(Path dir) {
    ClusterEntry e = sidebarVm.selectedProperty().get();
    String ns = e == null || e.context() == null ? "default" : e.context().namespace();
    if (Files.isDirectory(dir) && !Files.exists(LocalConfigFile.pathIn(dir))) {
      createVm.prepare(dir, ns);
      return;
    }
    createVm.cancel();
    componentVm.open(dir, ns);
  }
}
