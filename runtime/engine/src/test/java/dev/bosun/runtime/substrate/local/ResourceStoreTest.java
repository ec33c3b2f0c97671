package dev.bosun.runtime.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.substrate.SubstrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceStoreTest {
  @TempDir Path temporary;

  @Test
  void anAttachedFileIsCopiedAndFoundAgainByANewStore() throws Exception {
    Path file = Files.writeString(temporary.resolve("etcd.tar.gz"), "binary content");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
    ResourceStore store = ResourceStore.open(temporary.resolve("resources"));

    AttachedResource attached = store.attach("etcd", "etcd-binary", file);
    Files.delete(file);

    assertThat(attached.application()).isEqualTo("etcd");
    assertThat(attached.name()).isEqualTo("etcd-binary");
    assertThat(attached.fileName()).isEqualTo("etcd.tar.gz");
    assertThat(attached.size()).isEqualTo(14);
    assertThat(attached.fingerprint()).isEqualTo(sha384("binary content"));
    assertThat(attached.path()).startsWith(temporary.resolve("resources/etcd"));
    assertThat(attached.path().getFileName().toString()).isEqualTo("etcd.tar.gz");
    assertThat(Files.readString(attached.path())).isEqualTo("binary content");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(attached.path())))
        .isEqualTo("rwxr-x---");
    assertThat(ResourceStore.open(temporary.resolve("resources")).lookup("etcd", "etcd-binary"))
        .contains(attached);
  }

  @Test
  void attachingAgainReplacesTheResourceAndDeletesTheOldContent() throws Exception {
    ResourceStore store = ResourceStore.open(temporary.resolve("resources"));
    AttachedResource first =
        store.attach("etcd", "snapshot", Files.writeString(temporary.resolve("a.db"), "one"));

    AttachedResource second =
        store.attach("etcd", "snapshot", Files.writeString(temporary.resolve("b.db"), "two!"));

    assertThat(store.lookup("etcd", "snapshot")).contains(second);
    assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(Files.readString(second.path())).isEqualTo("two!");
    assertThat(first.path()).doesNotExist();
  }

  @Test
  void resourcesAreListedByNameAndDetachedWithTheirApplication() throws Exception {
    ResourceStore store = ResourceStore.open(temporary.resolve("resources"));
    Path file = Files.writeString(temporary.resolve("f"), "x");
    store.attach("etcd", "snapshot", file);
    store.attach("etcd", "binary", file);
    store.attach("vault", "binary", file);

    assertThat(store.list("etcd"))
        .extracting(AttachedResource::name)
        .containsExactly("binary", "snapshot");
    assertThat(store.lookup("etcd", "missing")).isEmpty();
    assertThat(store.list("nothing")).isEmpty();

    store.detachAll("etcd");

    assertThat(store.list("etcd")).isEmpty();
    assertThat(store.lookup("vault", "binary")).isPresent();
  }

  @Test
  void namesAndFilesAreChecked() {
    ResourceStore store = ResourceStore.open(temporary.resolve("resources"));

    assertThatThrownBy(() -> store.attach("../etc", "binary", temporary))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid application name ../etc");
    assertThatThrownBy(() -> store.attach("etcd", "a/b", temporary))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid resource name a/b");
    assertThatThrownBy(() -> store.attach("etcd", "binary", temporary.resolve("missing")))
        .isInstanceOf(SubstrateException.class)
        .hasMessage(
            "cannot attach resource binary to etcd: "
                + temporary.resolve("missing")
                + " is not a file");
  }

  private static String sha384(String text) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-384").digest(text.getBytes("UTF-8")));
  }
}
