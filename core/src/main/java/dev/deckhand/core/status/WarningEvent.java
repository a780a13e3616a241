package dev.deckhand.core.status;

import java.time.Instant;

/**
 * A {@code Warning} event about one of the component's objects.
 *
 * @param reason e.g. {@code BackOff}, {@code FailedScheduling}, {@code ProvisioningFailed}
 * @param message the event message
 * @param count how often it happened
 * @param lastTimestamp when it last happened, or {@code null}
 * @param involvedKind kind of the object, e.g. {@code Pod}
 * @param involvedName name of the object
 */
public record WarningEvent(
    String reason,
    String message,
    int count,
    Instant lastTimestamp,
    String involvedKind,
    String involvedName) {}
