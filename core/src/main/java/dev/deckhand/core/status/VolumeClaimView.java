package dev.deckhand.core.status;

/**
 * A PersistentVolumeClaim of the component ({@code <name>-s2idata} and the user storages).
 *
 * @param name claim name
 * @param phase {@code Pending}, {@code Bound} or {@code Lost}
 * @param storageClass the requested storage class, or {@code null} for the default
 * @param reason while not bound: the message of the claim's latest event (e.g. a {@code
 *     ProvisioningFailed} warning), else {@code null}
 */
public record VolumeClaimView(String name, String phase, String storageClass, String reason) {
  /** Whether the claim is bound to a volume. */
  public boolean bound() {
    return "Bound".equals(phase);
  }
}
