package dev.deckhand.core.cluster;

import io.fabric8.kubernetes.client.Config;

/** The namespace of the kubeconfig's current context, as kubectl would use it. */
public final class CurrentNamespace {
  public static final String FALLBACK = "default";

  private CurrentNamespace() {}

  /** Never fails: an unreadable or missing kubeconfig means {@value #FALLBACK}. */
  public static String get() {
    try {
      String ns = Config.autoConfigure(null).getNamespace();
      return ns == null || ns.isBlank() ? FALLBACK : ns;
    } catch (RuntimeException e) {
      return FALLBACK;
    }
  }
}
