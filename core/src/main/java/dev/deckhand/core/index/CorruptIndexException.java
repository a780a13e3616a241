package dev.deckhand.core.index;

import java.io.IOException;

/** The index file exists but is not something odo (or we) could have written. */
public final class CorruptIndexException extends IOException {
  public CorruptIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
