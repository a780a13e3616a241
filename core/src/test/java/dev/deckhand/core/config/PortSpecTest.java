package dev.deckhand.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortSpecTest {
  @ParameterizedTest
  @CsvSource({
    "8080, 8080, TCP, 8080-tcp",
    "8080/TCP, 8080, TCP, 8080-tcp",
    "8080/tcp, 8080, TCP, 8080-tcp",
    "53/udp, 53, UDP, 53-udp",
    "65535/Tcp, 65535, TCP, 65535-tcp"
  })
  void parsesOdoPortSyntax(String text, int port, String protocol, String name) {
    PortSpec spec = PortSpec.parse(text);
    assertThat(spec.port()).isEqualTo(port);
    assertThat(spec.protocol()).isEqualTo(protocol);
    assertThat(spec.portName()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "http", "8080/SCTP", "0", "70000", "80/", "-1"})
  void rejectsWhatIsNotAPort(String text) {
    assertThatThrownBy(() -> PortSpec.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
