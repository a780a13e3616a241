package dev.deckhand.app.gui;

/**
 * What the window remembers between runs: its bounds, whether it was maximized, the last component
 * folder and the selected kubeconfig context (null when none).
 */
public record WindowState(
    double x,
    double y,
    double width,
    double height,
    boolean maximized,
    String folder,
    String context) {

  static final double MIN_WIDTH = 640;
  static final double MIN_HEIGHT = 400;

  /** The same state with nonsense sizes (a hand-edited file) raised to something usable. */
  public WindowState sane() {
    return new WindowState(
        x,
        y,
        Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : 1280,
        Double.isFinite(height) ? Math.max(MIN_HEIGHT, height) : 800,
        maximized,
        folder,
        context);
  }
}
