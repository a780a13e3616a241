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
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
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
  private LoginFormView loginForm;
  private final StackPane center;
  final MenuButton themeMenu = new MenuButton("Theme");
  private final ThemeController themeController;
  private final LoginViewModel loginVm;
  private final java.util.Map<String, Path> knownFolders = new java.util.HashMap<>();
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
    this(sidebarVm, componentVm, createVm, userLogin(sidebarVm), theme, openUrl);
  }

  /** Logins go to the user's kubeconfig (kubectl's rule), checked on their own worker thread. */
  private static LoginViewModel userLogin(SidebarViewModel sidebarVm) {
    return new LoginViewModel(
        () ->
            dev.deckhand.core.cluster.KubeconfigFiles.loginTarget(
                System.getenv(), Path.of(System.getProperty("user.home"))),
        dev.deckhand.core.cluster.LoginVerifier::verify,
        TaskExecutor.background("deckhand-gui-login"),
        UiThread.fx(),
        sidebarVm::reload);
  }

  public MainWindow(
      SidebarViewModel sidebarVm,
      ComponentViewModel componentVm,
      CreateComponentViewModel createVm,
      LoginViewModel loginVm,
      ObjectProperty<Theme> theme,
      Consumer<String> openUrl) {
    this.sidebarVm = sidebarVm;
    this.loginVm = loginVm;
    this.themeController = new ThemeController(theme);
    this.componentVm = componentVm;
    this.createVm = createVm;
    getStyleClass().add("main-window");
    sidebar = new SidebarView(sidebarVm, this::openLogin);
    emptyState = new EmptyStateView(sidebarVm, this::chooseFolder, () -> loginVm.show(null));
    // The open component's namespace is read on every poll (the tray's crash-loop notice needs
    // it), also when the component opens before the kubeconfig is read, as at start-up.
    Runnable pinOpen =
        () -> {
          ComponentInfo info = componentVm.infoProperty().get();
          ClusterEntry cluster = sidebarVm.selectedProperty().get();
          sidebarVm.pin(
              cluster == null ? null : cluster.title(), info == null ? null : info.namespace());
        };
    componentVm
        .infoProperty()
        .addListener(
            (o, was, info) -> {
              pinOpen.run();
              if (info != null) {
                knownFolders.put(
                    folderKey(info.namespace(), info.application(), info.name()), info.folder());
              }
            });
    sidebarVm.selectedProperty().addListener((o, was, now) -> pinOpen.run());
    sidebarVm.onComponentChosen(this::componentChosen);
    Runnable showPushing =
        () -> {
          ComponentInfo info = componentVm.infoProperty().get();
          ClusterEntry cluster = sidebarVm.selectedProperty().get();
          if (componentVm.push().runningProperty().get() && info != null && cluster != null) {
            sidebarVm.setPushing(
                cluster.title(), info.namespace(), info.application(), info.name());
          } else {
            sidebarVm.setPushing(null, null, null, null);
          }
        };
    componentVm.push().runningProperty().addListener((o, was, now) -> showPushing.run());
    sidebarVm.selectedProperty().addListener((o, was, now) -> showPushing.run());
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
    center = new StackPane(emptyState, page, createForm);
    // Built on first use: most runs never log in, and the first frame should not pay for it.
    loginVm
        .openProperty()
        .addListener(
            (o, was, open) -> {
              if (open) {
                loginForm();
              }
            });
    createForm.visibleProperty().bind(createVm.folderProperty().isNotNull());
    page.visibleProperty()
        .bind(componentVm.infoProperty().isNotNull().and(createForm.visibleProperty().not()));
    emptyState
        .visibleProperty()
        .bind(page.visibleProperty().not().and(createForm.visibleProperty().not()));
    sidebar.pageShown.bind(emptyState.visibleProperty().not());
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
                  String ns = sidebarVm.targetNamespaceProperty().get();
                  String where = e == null ? "" : e.title() + (ns == null ? "" : " · " + ns);
                  return c == null ? where : where + " · " + c.name();
                },
                sidebarVm.selectedProperty(),
                sidebarVm.targetNamespaceProperty(),
                componentVm.infoProperty()));
    Button open = new Button("Open folder…");
    open.setId("toolbar-open-folder");
    open.getStyleClass().addAll(Styles.SMALL);
    open.setOnAction(e -> chooseFolder());
    themeMenu.setId("theme-menu");
    themeMenu.getStyleClass().add(Styles.SMALL);
    ToggleGroup choices = new ToggleGroup();
    for (ThemeChoice c : ThemeChoice.values()) {
      RadioMenuItem item = new RadioMenuItem(c.label());
      item.setId("theme-" + c.name().toLowerCase(java.util.Locale.ROOT));
      item.setToggleGroup(choices);
      item.setSelected(themeController.choiceProperty().get() == c);
      item.setOnAction(e -> themeController.choiceProperty().set(c));
      themeController.choiceProperty().addListener((o, a, now) -> item.setSelected(now == c));
      themeMenu.getItems().add(item);
    }
    Label keys = new Label("Ctrl+P push · Ctrl+O open · Ctrl+1–4 tabs");
    keys.getStyleClass().add("breadcrumb");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(14, brand, breadcrumb, grow, keys, open, themeMenu);
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
                  int others = componentVm.backgroundSyncs().entries().size();
                  if (others > 0) {
                    where +=
                        "  ·  "
                            + others
                            + (others == 1 ? " other folder" : " other folders")
                            + " auto-synced (tray)";
                  }
                  String problem = componentVm.autoSync().problemProperty().get();
                  return problem.isEmpty() ? where : "⚠ " + problem + "  ·  " + where;
                },
                componentVm.backgroundSyncs().entries(),
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
    String target = sidebarVm.targetNamespaceProperty().get();
    String ns = target == null ? "default" : target;
    if (Files.isDirectory(dir) && !Files.exists(LocalConfigFile.pathIn(dir))) {
      createVm.prepare(dir, ns);
      return;
    }
    createVm.cancel();
    componentVm.open(dir, ns);
  }

  /** The login card, created (and put over the main area) the first time it is needed. */
  LoginFormView loginForm() {
    if (loginForm == null) {
      loginForm = new LoginFormView(loginVm);
      center.getChildren().add(loginForm);
    }
    return loginForm;
  }

  /** The Theme menu's state; the app connects it to the desktop and the settings file. */
  public ThemeController themeController() {
    return themeController;
  }

  private void openLogin() {
    ClusterEntry e = sidebarVm.selectedProperty().get();
    loginVm.show(e == null || e.context() == null ? null : e.context().server());
  }

  private static String folderKey(String namespace, String application, String name) {
    return namespace + "/" + application + "/" + name;
  }

  /** Folders of components opened in earlier runs, so clicking them in the tree opens them. */
  public void knowFolders(java.util.Collection<ComponentInfo> components) {
    for (ComponentInfo c : components) {
      knownFolders.putIfAbsent(folderKey(c.namespace(), c.application(), c.name()), c.folder());
    }
  }

  /** A component clicked in the tree: opened when its folder is known, otherwise a hint. */
  private void componentChosen(SidebarRows.ComponentRow row) {
    Path folder = knownFolders.get(folderKey(row.namespace(), row.application(), row.name()));
    ComponentInfo open = componentVm.infoProperty().get();
    if (open != null && open.folder().equals(folder)) {
      return;
    }
    if (folder != null && Files.isRegularFile(LocalConfigFile.pathIn(folder))) {
      createVm.cancel();
      componentVm.open(folder, row.namespace());
      return;
    }
    sidebarVm
        .hintProperty()
        .set(row.name() + ": " + row.text() + ". Open its source folder to push.");
  }
}
