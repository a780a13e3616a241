package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryOnConflictTest {
  private static KubernetesClientException status(int code) {
    return new KubernetesClientException(
        new StatusBuilder().withCode(code).withMessage("Operation cannot be fulfilled").build());
  }

  @Test
  void aConflictIsReadAndWrittenAgain() {
    AtomicInteger attempts = new AtomicInteger();
    RetryOnConflict.run(
        () -> {
          if (attempts.incrementAndGet() < 3) {
            throw status(409);
          }
        });
    assertThat(attempts).hasValue(3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                RetryOnConflict.run(
                    () -> {
                      attempts.incrementAndGet();
                      throw status(403);
                    }))
        .isInstanceOf(KubernetesClientException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aConflictThatNeverClearsEndsAfterTheLastAttempt() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                RetryOnConflict.run(
                    () -> {
                      attempts.incrementAndGet();
                      throw status(409);
                    }))
        .isInstanceOf(KubernetesClientException.class);
    assertThat(attempts).hasValue(RetryOnConflict.ATTEMPTS);
  }
}
