package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdLogTest {
  // Lines as etcd 3.4 writes them (--logger zap), shortened where they do not matter.
  static final String CONFIGURING =
      "{\"level\":\"info\",\"ts\":\"2026-12-07T12:19:31.061Z\",\"caller\":\"embed/etcd.go:117\","
          + "\"msg\":\"configuring peer listeners\",\"listen-peer-urls\":[\"https://10.0.0.2:2380\"]}";
  static final String FAILED =
      "{\"level\":\"warn\",\"ts\":\"2026-12-07T12:19:31.062Z\",\"caller\":\"etcdmain/etcd.go:176\","
          + "\"msg\":\"failed to start etcd\","
          + "\"error\":\"listen tcp 10.0.0.2:2380: bind: address already in use\"}";
  static final String FATAL =
      "{\"level\":\"fatal\",\"ts\":\"2026-12-07T12:19:31.062Z\",\"caller\":\"etcdmain/etcd.go:271\","
          + "\"msg\":\"discovery failed\","
          + "\"error\":\"listen tcp 10.0.0.2:2380: bind: address already in use\","
          + "\"stacktrace\":\"go.etcd.io/etcd/etcdmain.startEtcdOrProxyV2\\n\\tetcd.go:271\"}";
  static final String SERVING =
      "{\"level\":\"info\",\"ts\":\"2026-12-07T12:20:02.100Z\",\"caller\":\"embed/serve.go:191\","
          + "\"msg\":\"serving client traffic securely\",\"address\":\"10.0.0.2:2379\"}";

  @TempDir Path directory;

  @Test
  void findsTheListenErrorOfAStartThatFailed() throws IOException {
    Path log = write(CONFIGURING, FAILED, FATAL);

    assertThat(EtcdLog.listenFailure(log))
        .contains("listen tcp 10.0.0.2:2380: bind: address already in use");
  }

  @Test
  void forgetsAFailureOnceALaterStartWentFurther() throws IOException {
    Path log = write(CONFIGURING, FAILED, FATAL, CONFIGURING, SERVING);

    assertThat(EtcdLog.listenFailure(log)).isEmpty();
  }

  @Test
  void ignoresFailuresThatAreNotAboutListening() throws IOException {
    String dataError =
        "{\"level\":\"fatal\",\"msg\":\"discovery failed\","
            + "\"error\":\"member 8e9e05c52164694d has already been bootstrapped\"}";

    assertThat(EtcdLog.listenFailure(write(CONFIGURING, dataError))).isEmpty();
  }

  @Test
  void unescapesTheErrorText() throws IOException {
    String quoted =
        "{\"level\":\"fatal\",\"msg\":\"discovery failed\","
            + "\"error\":\"listen tcp \\\"10.0.0.9:2380\\\": bind: cannot assign requested"
            + " address \\u00e9\"}";

    assertThat(EtcdLog.listenFailure(write(CONFIGURING, quoted)))
        .contains("listen tcp \"10.0.0.9:2380\": bind: cannot assign requested address é");
  }

  @Test
  void saysNothingWithoutALog() {
    assertThat(EtcdLog.listenFailure(directory.resolve("missing.log"))).isEmpty();
  }

  private Path write(String... lines) throws IOException {
    Path log = directory.resolve("etcd.log");
    Files.writeString(log, String.join("\n", lines) + "\n");
    return log;
  }
}
