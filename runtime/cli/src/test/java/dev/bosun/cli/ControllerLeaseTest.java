package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Txn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControllerLeaseTest {

  @Test
  void onlyOneHolderAtATimeAndReleasingFreesTheModel() {
    try (InMemoryStore store = new InMemoryStore()) {
      Optional<ControllerLease> first =
          ControllerLease.tryAcquire(store, ControllerLease.Holder.self(false, "deploy"));
      Optional<ControllerLease> second =
          ControllerLease.tryAcquire(store, ControllerLease.Holder.self(true, "controller"));

      assertThat(first).isPresent();
      assertThat(second).isEmpty();
      KeyValue current = ControllerLease.current(store).orElseThrow();
      assertThat(ControllerLease.decode(current).command()).isEqualTo("deploy");
      assertThat(ControllerLease.decode(current).controller()).isFalse();
      assertThat(ControllerLease.revokeIfDead(store, current)).isFalse();

      first.get().close();

      assertThat(ControllerLease.current(store)).isEmpty();
      Optional<ControllerLease> third =
          ControllerLease.tryAcquire(store, ControllerLease.Holder.self(true, "controller"));
      assertThat(third).isPresent();
      third.get().close();
    }
  }

  @Test
  void aHolderWhoseProcessIsGoneIsRevokedAtOnce() throws Exception {
    Process child = new ProcessBuilder("true").start();
    child.waitFor();
    ControllerLease.Holder dead =
        new ControllerLease.Holder(child.pid(), false, "deploy", System.currentTimeMillis());
    try (InMemoryStore store = new InMemoryStore()) {
      long lease = store.grantLease(ControllerLease.TTL);
      store.commit(
          Txn.builder()
              .put(
                  ControllerLease.KEY,
                  ("{\"pid\":"
                          + dead.pid()
                          + ",\"controller\":false,\"command\":\"deploy\",\"started\":"
                          + dead.started()
                          + "}")
                      .getBytes(StandardCharsets.UTF_8),
                  lease)
              .build());

      boolean revoked = ControllerLease.revokeIfDead(store, store.get(ControllerLease.KEY).get());

      assertThat(dead.isDead()).isTrue();
      assertThat(revoked).isTrue();
      assertThat(ControllerLease.current(store)).isEmpty();
    }
  }

  @Test
  void requestsAreClaimedOnceAndAnsweredThroughTheStore() {
    try (InMemoryStore store = new InMemoryStore()) {
      String id = Requests.submit(store, new Requests.Request(List.of("status"), "/tmp"));
      KeyValue request = store.range(Requests.REQUESTS).entries().get(0);

      boolean claimed = Requests.claim(store, request);
      boolean claimedTwice = Requests.claim(store, request);
      Requests.respond(store, id, new Requests.Response(0, "out", "err"));

      assertThat(claimed).isTrue();
      assertThat(claimedTwice).isFalse();
      assertThat(Requests.decodeRequest(request).args()).containsExactly("status");
      assertThat(Requests.withdraw(store, id)).isFalse();
      assertThat(Requests.takeResponse(store, id)).contains(new Requests.Response(0, "out", "err"));
      assertThat(Requests.takeResponse(store, id)).isEmpty();
    }
  }
}
