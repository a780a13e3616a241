package dev.deckhand.app.gui;

import atlantafx.base.controls.ModalPane;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The open component: header, then tabs — Push (startup timeline and console), Files (what the next
 * push sends), Logs (the app's log) and Events (warnings). Confirmations show in a modal pane over
 * the page.
 */
final class ComponentPage extends StackPane {
  final ComponentHeader header;
  final TimelineView timeline;
  final ConsoleView console;
  final TabPane tabs = new TabPane();
  final Tab pushTab;
  final Tab filesTab;
  final Tab logsTab;
  final Tab eventsTab;
  final FilesView files;
  final LogsView logs;
  final EventsView events;
  final ModalPane modal = new ModalPane();
  private final ComponentViewModel vm;

  ComponentPage(
      ComponentViewModel vm,
      ObservableBooleanValue canPush,
      Runnable pushAction,
      Consumer<String> openUrl) {
    this.vm = vm;
    setId("component-page");
    getStyleClass().add("component-page");
    header = new ComponentHeader(vm, canPush, pushAction, openUrl, this::confirmDelete);
    Label heading = new Label("STARTUP AND LAST PUSH");
    heading.getStyleClass().add("section-heading");
    timeline = new TimelineView(vm.push());
    ScrollPane timelineScroll = new ScrollPane(timeline);
    timelineScroll.setFitToWidth(true);
    timelineScroll.getStyleClass().add("timeline-card");
    timelineScroll.setMinHeight(120);
    // As tall as its rows (the console takes the rest); it scrolls only in a small window.
    timelineScroll.prefViewportHeightProperty().bind(timeline.heightProperty());
    console = new ConsoleView(vm.push().console());
    console.setMinHeight(140);
    console.setPrefHeight(
        160); // small preferred size: the timeline gets its rows, the console the rest
    VBox.setVgrow(console, Priority.ALWAYS);
    VBox pushBox = new VBox(10, heading, timelineScroll, console);
    files = new FilesView(vm.files());
    logs = new LogsView(vm.logs());
    events = new EventsView(vm.statusProperty());
    pushTab = tab("Push", "tab-push", pushBox);
    filesTab = tab("Files", "tab-files", files);
    logsTab = tab("Logs", "tab-logs", logs);
    eventsTab = tab("Events", "tab-events", events);
    tabs.setId("component-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().addAll(pushTab, filesTab, logsTab, eventsTab);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    vm.logs().shownProperty().bind(logsTab.selectedProperty().and(visibleProperty()));
    filesTab
        .selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now) {
                vm.files().refresh();
              }
            });

    VBox content = new VBox(10, header, tabs);
    content.setPadding(new Insets(18, 22, 18, 22));
    modal.setId("component-modal");
    modal.setAlignment(Pos.CENTER);
    // Shown at once: a confirmation that slides in is one more thing for a test (or a user) to wait
    // for.
    modal.setInTransitionFactory(null);
    modal.setOutTransitionFactory(null);
    modal.setPersistent(true);
    getChildren().addAll(content, modal);
    vm.secretWarningProperty().addListener((o, was, now) -> showSecretWarning(now));
    addEventHandler(KeyEvent.KEY_PRESSED, this::switchTabByKey);
  }

  private static Tab tab(String title, String id, javafx.scene.Node content) {
    VBox box = new VBox(content);
    box.setPadding(new Insets(12, 0, 0, 0));
    VBox.setVgrow(content, Priority.ALWAYS);
    Tab tab = new Tab(title, box);
    tab.setId(id);
    return tab;
  }

  /** Ctrl+1…4 selects the tab; handled here and by the window, whichever has the focus. */
  boolean switchTabByKey(KeyEvent e) {
    if (!e.isShortcutDown() || e.isShiftDown() || e.isAltDown()) {
      return false;
    }
    int index =
        switch (e.getCode()) {
          case DIGIT1, NUMPAD1 -> 0;
          case DIGIT2, NUMPAD2 -> 1;
          case DIGIT3, NUMPAD3 -> 2;
          case DIGIT4, NUMPAD4 -> 3;
          default -> -1;
        };
    if (index < 0 || e.getCode() == KeyCode.UNDEFINED) {
      return false;
    }
    tabs.getSelectionModel().select(index);
    e.consume();
    return true;
  }

  /** Asks before deleting; the card names the component, its namespace and what goes. */
  void confirmDelete() {
    ComponentInfo c = vm.infoProperty().get();
    if (c == null) {
      return;
    }
    modal.show(
        ConfirmationCards.delete(
            c,
            alsoLocal -> {
              modal.hide(true);
              vm.delete(alsoLocal);
            },
            () -> modal.hide(true)));
  }

  private void showSecretWarning(List<String> secrets) {
    if (secrets == null) {
      modal.hide(true);
      return;
    }
    modal.show(ConfirmationCards.secretPush(secrets, vm::confirmSecretPush, vm::cancelSecretPush));
  }
}
