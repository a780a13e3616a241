package dev.deckhand.core.push;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Turns a command's output into lines as they arrive, so output is shown live, line by line. */
public final class LineSplitter extends OutputStream {
  private final Consumer<String> lines;
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();

  public LineSplitter(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else if (b != '\r') {
      current.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public synchronized void close() {
    if (current.size() > 0) {
      emit();
    }
  }

  private void emit() {
    lines.accept(current.toString(StandardCharsets.UTF_8));
    current.reset();
  }
}
