package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pull errors as real kubelets word them: which end a push now, which are waited out. */
class ImagePullErrorsTest {
  @Test
  void noSuchImageIsPermanent() {
    assertThat(
            ImagePullErrors.isPermanent(
                "rpc error: code = NotFound desc = failed to pull and unpack image"
                    + " \"docker.io/library/nodejs:nope\": failed to resolve reference"
                    + " \"docker.io/library/nodejs:nope\": docker.io/library/nodejs:nope: not"
                    + " found"))
        .isTrue();
    assertThat(
            ImagePullErrors.isPermanent(
                "Error response from daemon: pull access denied for nope, repository does not"
                    + " exist or may require 'docker login'"))
        .isTrue();
    assertThat(
            ImagePullErrors.isPermanent(
                "reading manifest 1 in quay.io/x/y: manifest unknown: manifest unknown"))
        .isTrue();
    assertThat(
            ImagePullErrors.isPermanent(
                "image localhost/x:1 not found: it is not among podman's local images"))
        .isTrue();
  }

  @Test
  void unreachableRegistryIsWaitedOut() {
    assertThat(
            ImagePullErrors.isPermanent(
                "initializing source docker://quay.io/x:1: pinging container registry quay.io:"
                    + " Get \"https://quay.io/v2/\": dial tcp: lookup quay.io: no such host"))
        .isFalse();
    assertThat(ImagePullErrors.isPermanent("net/http: TLS handshake timeout")).isFalse();
    assertThat(
            ImagePullErrors.isPermanent("toomanyrequests: You have reached your pull rate limit"))
        .isFalse();
    assertThat(ImagePullErrors.isPermanent("Back-off pulling image \"x\"")).isFalse();
    assertThat(ImagePullErrors.isPermanent(null)).isFalse();
  }
}
