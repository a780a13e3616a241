package dev.deckhand.app.gui;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.config.ComponentCreator;
import dev.deckhand.core.config.ComponentCreator.InvalidRequestException;
import dev.deckhand.core.config.ComponentNameGenerator;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.PortSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Create component" form for a folder without {@code .odo/config.yaml}: prefilled the way
 * {@code deckhand create} defaults (detected type, odo-style name, application {@code app}, the
 * cluster's namespace, the type's ports); Create writes the config through {@link ComponentCreator}
 * off the FX thread. Bad input gets a message next to its field and writes nothing.
 */
public final class CreateComponentViewModel {
  private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
  private final ObservableList<String> types = FXCollections.observableArrayList();
  private final StringProperty type = new SimpleStringProperty("");
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty application = new SimpleStringProperty("");
  private final StringProperty namespace = new SimpleStringProperty("");
  private final StringProperty ports = new SimpleStringProperty("");
  private final Map<ComponentCreator.Field, StringProperty> errors =
      new EnumMap<>(ComponentCreator.Field.class);
  private final BooleanProperty busy = new SimpleBooleanProperty();

  private final Callable<ComponentCreator> creatorSource;
  private final TaskExecutor background;
  private final UiThread ui;
  private volatile ComponentCreator creator;
  private Consumer<ComponentCreator.Result> onCreated = r -> {};

  /** What the form last filled in itself, so a type change only replaces untouched values. */
  private String suggestedPorts = "";

  private String suggestedName = "";

  public CreateComponentViewModel(
      Callable<ComponentCreator> creatorSource, TaskExecutor background, UiThread ui) {
    this.creatorSource = creatorSource;
    this.background = background;
    this.ui = ui;
    for (ComponentCreator.Field f : ComponentCreator.Field.values()) {
      errors.put(f, new SimpleStringProperty(""));
    }
    type.addListener((o, was, now) -> typeChanged(now));
  }

  /** The built-in and the user's own component types; the namespace default is never used. */
  public static ComponentCreator userCreator() throws Exception {
    return new ComponentCreator(
        ComponentCatalog.loadDefault(), new ComponentNameGenerator(), () -> "default");
  }

  /** Called on the FX thread once the config is written. */
  public void onCreated(Consumer<ComponentCreator.Result> action) {
    this.onCreated = action;
  }

  /**
   * FX thread: shows the form for {@code dir}, prefilled; the catalog is read in the background.
   */
  public void prepare(Path dir, String defaultNamespace) {
    clearErrors();
    folder.set(dir);
    busy.set(true);
    background.execute(
        () -> {
          try {
            ComponentCreator c = creator();
            List<String> names = c.catalog().names();
            String detected = c.detectType(dir).orElse("");
            ui.post(
                () -> {
                  types.setAll(names);
                  suggestedPorts = "";
                  suggestedName = "";
                  type.set(""); // so setting the detected type (even the same) refills below
                  ports.set("");
                  name.set("");
                  type.set(detected);
                  application.set(ComponentSettings.DEFAULT_APPLICATION);
                  namespace.set(defaultNamespace);
                  if (detected.isEmpty()) {
                    errors
                        .get(ComponentCreator.Field.TYPE)
                        .set("Deckhand cannot tell the type of this folder; choose one");
                  }
                  busy.set(false);
                });
          } catch (Exception e) {
            ui.post(
                () -> {
                  error(ComponentCreator.Field.FOLDER).set(ComponentViewModel.describe(e));
                  busy.set(false);
                });
          }
        });
  }

  private ComponentCreator creator() throws Exception {
    ComponentCreator c = creator;
    if (c == null) {
      c = creatorSource.call();
      creator = c;
    }
    return c;
  }

  /** A new type brings its ports and name, unless the person already changed them. */
  private void typeChanged(String now) {
    ComponentCreator c = creator;
    Path dir = folder.get();
    if (c == null || dir == null || now == null || now.isBlank()) {
      return;
    }
    try {
      List<String> defaults = c.defaultPorts(now.trim());
      if (ports.get().equals(suggestedPorts)) {
        suggestedPorts = String.join(", ", defaults);
        ports.set(suggestedPorts);
      }
      if (name.get().equals(suggestedName)) {
        suggestedName = c.defaultName(now.trim(), dir);
        name.set(suggestedName);
      }
      error(ComponentCreator.Field.TYPE).set("");
    } catch (InvalidRequestException e) {
      // Typed half-way or unknown: Create says so next to the field.
    }
  }

  /** FX thread: validates the ports here, the rest in {@link ComponentCreator}, then writes. */
  public void create() {
    Path dir = folder.get();
    if (dir == null || busy.get()) {
      return;
    }
    clearErrors();
    List<String> portList = new ArrayList<>();
    for (String p : ports.get().split(",")) {
      if (p.isBlank()) {
        continue;
      }
      try {
        portList.add(PortSpec.parse(p.trim()).toString());
      } catch (IllegalArgumentException e) {
        error(ComponentCreator.Field.PORTS).set(e.getMessage());
      }
    }
    if (type.get() == null || type.get().isBlank()) {
      error(ComponentCreator.Field.TYPE).set("Choose a component type");
    }
    if (name.get().isBlank()) {
      error(ComponentCreator.Field.NAME).set("A name is required");
    }
    if (hasErrors()) {
      return;
    }
    ComponentCreator.Request request =
        new ComponentCreator.Request(
            dir, type.get(), name.get(), application.get(), namespace.get(), portList, false);
    busy.set(true);
    background.execute(
        () -> {
          try {
            ComponentCreator.Result result = creator().create(request);
            ui.post(
                () -> {
                  busy.set(false);
                  folder.set(null);
                  onCreated.accept(result);
                });
          } catch (InvalidRequestException e) {
            ui.post(
                () -> {
                  busy.set(false);
                  error(e.field()).set(e.getMessage());
                });
          } catch (Exception e) {
            ui.post(
                () -> {
                  busy.set(false);
                  error(ComponentCreator.Field.FOLDER)
                      .set("Could not create the component: " + ComponentViewModel.describe(e));
                });
          }
        });
  }

  /** Closes the form without writing anything. */
  public void cancel() {
    clearErrors();
    folder.set(null);
  }

  private boolean hasErrors() {
    return errors.values().stream().anyMatch(p -> !p.get().isEmpty());
  }

  private void clearErrors() {
    errors.values().forEach(p -> p.set(""));
  }

  /** The message shown next to a field ({@code FOLDER}: above the buttons); empty when fine. */
  public StringProperty error(ComponentCreator.Field field) {
    return errors.get(field);
  }

  /** The folder the form is for; null when the form is closed. */
  public ObjectProperty<Path> folderProperty() {
    return folder;
  }

  public ObservableList<String> types() {
    return types;
  }

  public StringProperty typeProperty() {
    return type;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty applicationProperty() {
    return application;
  }

  public StringProperty namespaceProperty() {
    return namespace;
  }

  public StringProperty portsProperty() {
    return ports;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }
}
