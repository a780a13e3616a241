package dev.deckhand.core.lock;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

/** Another process syncs the folder; the message is the one line to show. */
public final class FolderBusyException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient LockHolder holder;

  FolderBusyException(Path root, LockHolder holder) {
    super(message(root, holder));
    this.holder =
        holder == null ? new LockHolder(-1, "another deckhand", null, null, false) : holder;
  }

  /**
   * Who holds the lock; when its file says nothing yet (it is being written), an unknown short one.
   */
  public LockHolder holder() {
    return holder;
  }

  private static String message(Path root, LockHolder holder) {
    String who =
        holder == null
            ? "another deckhand process"
            : holder.describe(FolderLock.localHost(), ZoneId.systemDefault());
    return root.toAbsolutePath().normalize() + " is being synced by " + who + "; stop it first";
  }
}
