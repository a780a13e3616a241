package dev.deckhand.app.tray;

import java.awt.AWTException;
import java.awt.BasicStroke;
import java.awt.CheckboxMenuItem;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a {@link TrayModel} as an AWT {@link TrayIcon}. Create it only after JavaFX has started
 * (glass GTK must load before AWT) and only when {@link #supported()}. The menu is rebuilt on the
 * AWT event thread whenever the model changes; clicks are handed back to the model's thread.
 */
public final class AwtTray implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AwtTray.class);
  static final int[] SIZES = {16, 22, 32};

  private final TrayModel model;
  private final Executor modelThread;
  private final TrayIcon icon;
  private final Map<TrayModel.IconState, Image> images;

  /** Whether this desktop has a tray (false under bare Xvfb and headless). Touches AWT. */
  public static boolean supported() {
    try {
      return SystemTray.isSupported();
    } catch (RuntimeException | LinkageError e) {
      LOG.info("no system tray: {}", e.toString());
      return false;
    }
  }

  /**
   * Model thread: adds the icon. {@code modelThread} runs menu clicks (the FX thread in the app).
   *
   * @throws AWTException when the tray refuses the icon
   */
  public static AwtTray install(TrayModel model, Executor modelThread) throws AWTException {
    SystemTray tray = SystemTray.getSystemTray();
    Dimension size = tray.getTrayIconSize();
    AwtTray t = new AwtTray(model, modelThread, images(size.height));
    tray.add(t.icon);
    model.onChange(t::refresh);
    model.onNotification(t::notify);
    t.refresh();
    return t;
  }

  private AwtTray(TrayModel model, Executor modelThread, Map<TrayModel.IconState, Image> images) {
    this.model = model;
    this.modelThread = modelThread;
    this.images = images;
    this.icon = new TrayIcon(images.get(TrayModel.IconState.IDLE), "Deckhand");
    icon.setImageAutoSize(true);
    // A click (or double click) on the icon opens the window, like "Open Deckhand".
    icon.addActionListener(e -> modelThread.execute(this::openWindow));
  }

  private void openWindow() {
    model.menu().stream()
        .filter(i -> i instanceof TrayModel.MenuItem.Action a && TrayModel.OPEN.equals(a.label()))
        .findFirst()
        .ifPresent(i -> ((TrayModel.MenuItem.Action) i).onClick().run());
  }

  /** Model thread: snapshot the model, then rebuild on the AWT thread. */
  private void refresh() {
    List<TrayModel.MenuItem> items = model.menu();
    TrayModel.IconState state = model.iconState();
    String tooltip = model.tooltip();
    EventQueue.invokeLater(
        () -> {
          icon.setImage(images.get(state));
          icon.setToolTip(tooltip);
          icon.setPopupMenu(build(items));
        });
  }

  private PopupMenu build(List<TrayModel.MenuItem> items) {
    PopupMenu menu = new PopupMenu();
    for (TrayModel.MenuItem item : items) {
      if (item instanceof TrayModel.MenuItem.Separator) {
        menu.addSeparator();
      } else if (item instanceof TrayModel.MenuItem.Header h) {
        MenuItem m = new MenuItem(h.label());
        m.setEnabled(false);
        menu.add(m);
      } else if (item instanceof TrayModel.MenuItem.Toggle t) {
        String label = t.component() == null ? t.label() : "  " + t.label();
        CheckboxMenuItem m = new CheckboxMenuItem(label, t.checked());
        m.addItemListener(
            e -> {
              boolean on = m.getState();
              modelThread.execute(() -> t.onToggle().accept(on));
            });
        menu.add(m);
      } else if (item instanceof TrayModel.MenuItem.Action a) {
        MenuItem m = new MenuItem(a.component() == null ? a.label() : "  " + a.label());
        m.addActionListener(e -> modelThread.execute(a.onClick()));
        menu.add(m);
      }
    }
    return menu;
  }

  private void notify(TrayModel.Notification n) {
    TrayIcon.MessageType type =
        n.kind() == TrayModel.Notification.Kind.LOGIN_REQUIRED
                || n.kind() == TrayModel.Notification.Kind.CRASH_LOOP
            ? TrayIcon.MessageType.WARNING
            : TrayIcon.MessageType.ERROR;
    EventQueue.invokeLater(() -> icon.displayMessage(n.title(), n.text(), type));
  }

  /** Removes the icon. */
  @Override
  public void close() {
    EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
  }

  // ---- icons ----

  private static Map<TrayModel.IconState, Image> images(int wanted) {
    int size = SIZES[0];
    for (int s : SIZES) {
      if (s <= Math.max(wanted, SIZES[0])) {
        size = s;
      }
    }
    Map<TrayModel.IconState, Image> map = new EnumMap<>(TrayModel.IconState.class);
    for (TrayModel.IconState state : TrayModel.IconState.values()) {
      Image loaded = load(state, size);
      map.put(state, loaded != null ? loaded : draw(state, size));
    }
    return map;
  }

  /** {@code icons/tray-idle-16.png} and so on, when the build ships them. */
  private static Image load(TrayModel.IconState state, int size) {
    String name = "/icons/tray-" + state.name().toLowerCase() + "-" + size + ".png";
    try (InputStream in = AwtTray.class.getResourceAsStream(name)) {
      return in == null ? null : ImageIO.read(in);
    } catch (IOException e) {
      LOG.debug("could not read {}: {}", name, e.toString());
      return null;
    }
  }

  /** A coloured circle with a mark: grey dot (idle), blue arrows (syncing), red "!" (error). */
  static BufferedImage draw(TrayModel.IconState state, int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Color fill =
          switch (state) {
            case IDLE -> new Color(0x2e7d32);
            case SYNCING -> new Color(0x1565c0);
            case ERROR -> new Color(0xc62828);
          };
      double pad = size / 16.0;
      double d = size - 2 * pad;
      g.setColor(fill);
      g.fill(new Ellipse2D.Double(pad, pad, d, d));
      g.setColor(Color.WHITE);
      float stroke = Math.max(1.5f, size / 9f);
      g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      double c = size / 2.0;
      double r = d / 4.0;
      switch (state) {
        case IDLE -> {
          // a check mark
          Path2D p = new Path2D.Double();
          p.moveTo(c - r, c);
          p.lineTo(c - r / 3, c + r * 0.7);
          p.lineTo(c + r, c - r * 0.7);
          g.draw(p);
        }
        case SYNCING -> {
          // two arrows, up and down
          Path2D p = new Path2D.Double();
          p.moveTo(c - r / 2, c + r);
          p.lineTo(c - r / 2, c - r);
          p.lineTo(c - r, c - r / 3);
          p.moveTo(c + r / 2, c - r);
          p.lineTo(c + r / 2, c + r);
          p.lineTo(c + r, c + r / 3);
          g.draw(p);
        }
        case ERROR -> {
          g.draw(new java.awt.geom.Line2D.Double(c, c - r, c, c + r / 4));
          double dot = stroke;
          g.fill(new Ellipse2D.Double(c - dot / 2, c + r * 0.75 - dot / 2, dot, dot));
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }
}
