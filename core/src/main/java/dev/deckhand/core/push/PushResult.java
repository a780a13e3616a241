package dev.deckhand.core.push;

import java.time.Duration;

/** What a push did. */
public record PushResult(
    boolean success,
    String summary,
    String url,
    boolean full,
    int filesSent,
    int deleted,
    long bytesSent,
    long contentBytes,
    int execs,
    Duration duration) {}
