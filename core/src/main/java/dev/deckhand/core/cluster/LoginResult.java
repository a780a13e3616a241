package dev.deckhand.core.cluster;

import java.nio.file.Path;

/** The kubeconfig entries a login wrote, named as {@code oc login} names them. */
public record LoginResult(
    String context, String cluster, String user, String namespace, Path kubeconfig) {}
