package dev.deckhand.sandbox.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.security.SecureRandom;
import java.util.Random;

/** Hashes of pod templates and the random name suffixes Kubernetes gives pods. */
final class PodTemplates {
  /** Kubernetes' "safe" alphabet: no vowels (no words), no 0/1/3 (look like letters). */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final Random RANDOM = new SecureRandom();

  private PodTemplates() {}

  /**
   * A 10-character hash of the template, stable across processes: map keys are sorted first, so the
   * same template read back from the API (labels in another order) hashes the same.
   */
  static String hash(PodTemplateSpec template) {
    byte[] bytes;
    try {
      Object tree = CANONICAL.convertValue(template, Object.class);
      bytes = CANONICAL.writeValueAsBytes(tree);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot serialise a pod template", e);
    }
    long h = 0xcbf29ce484222325L; // FNV-1a, 64 bit, as Kubernetes uses FNV for this hash
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    StringBuilder out = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      out.append(ALPHABET.charAt((int) Long.remainderUnsigned(h, ALPHABET.length())));
      h = Long.divideUnsigned(h, ALPHABET.length());
    }
    return out.toString();
  }

  /** Five random characters, as in {@code generateName}. */
  static String randomSuffix() {
    StringBuilder out = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
