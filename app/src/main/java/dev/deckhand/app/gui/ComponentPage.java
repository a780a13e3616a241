package dev.deckhand.app.gui;

import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The open component: header, startup timeline, console. */
final class ComponentPage extends VBox {
  final ComponentHeader header;
  final TimelineView timeline;
  final ConsoleView console;

  ComponentPage(
      ComponentViewModel vm,
      ObservableBooleanValue canPush,
      Runnable pushAction,
      Consumer<String> openUrl) {
    setId("component-page");
    getStyleClass().add("component-page");
    setPadding(new Insets(18, 22, 18, 22));
    setSpacing(10);
    header = new ComponentHeader(vm, canPush, pushAction, openUrl);
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
    getChildren().addAll(header, heading, timelineScroll, console);
  }
}
